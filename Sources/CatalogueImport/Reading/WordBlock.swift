/// One block of a Word document's body, as read from `word/document.xml`.
enum WordBlock: Equatable {
    /// A paragraph with what decides its role: style, numbering and outline level.
    case paragraph(WordParagraph)
    /// A table: rows of cell texts, merged cells left empty after their first cell.
    case table([[String]])
}

/// A paragraph's text and the properties that make it a heading, a list item or a page end.
struct WordParagraph: Equatable {
    var styleID: String?
    /// Direct numbering (`w:numPr`): the numbering instance, 0 meaning "none".
    var numberingID: Int?
    var numberingLevel: Int?
    /// Direct outline level (`w:outlineLvl`), 0-based; 9 means body text.
    var outlineLevel: Int?
    /// The text, with line breaks as "\n" and tabs as "\t".
    var text = ""
    /// Whether the paragraph ends a section or a page (the cover page ends so).
    var endsPage = false
}
