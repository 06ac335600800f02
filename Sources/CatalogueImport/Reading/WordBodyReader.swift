import Foundation

/// Reads `word/document.xml` into paragraphs and tables in document order: runs' text joined,
/// text boxes read as paragraphs of their own, deleted text and field codes left out.
enum WordBodyReader {
    static func blocks(_ data: Data, package: OfficePackage, partPath: String) throws(ImportProblem) -> [WordBlock] {
        var blocks: [WordBlock] = []
        /// Open paragraphs: more than one inside a text box.
        var paragraphs: [WordParagraph] = []
        var inParagraphProperties = false
        var inText = false
        /// Depth inside content that is not shown: deleted or moved-away text, fallback copies.
        var hiddenDepth = 0
        var tableDepth = 0
        var rows: [[String]] = []
        var row: [String] = []
        var cellParts: [String] = []
        var cellSpan = 1
        var cellContinuesMerge = false
        var sawRoot = false

        try XMLEventReader.read(data, malformed: package.malformed(partPath),
            onStart: { element, attributes throws(ImportProblem) in
                if !sawRoot {
                    sawRoot = true
                    guard element == "document" else {
                        throw ImportProblem(file: package.path, reason: "the archive's main part \(partPath) is not a Word document (an .xlsx or .pptx?)")
                    }
                }
                if hiddenDepth > 0 {
                    if ["del", "moveFrom", "Fallback"].contains(element) { hiddenDepth += 1 }
                    return
                }
                switch element {
                case "del", "moveFrom", "Fallback":
                    hiddenDepth = 1
                case "p":
                    paragraphs.append(WordParagraph())
                case "pPr":
                    inParagraphProperties = true
                case "pStyle" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].styleID = attributes["val"] }
                case "numId" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].numberingID = attributes["val"].flatMap(Int.init) }
                case "ilvl" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].numberingLevel = attributes["val"].flatMap(Int.init) }
                case "outlineLvl" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].outlineLevel = attributes["val"].flatMap(Int.init) }
                case "sectPr" where inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].endsPage = true }
                case "t":
                    inText = !inParagraphProperties
                case "tab" where !inParagraphProperties:
                    paragraphs.indices.last.map { paragraphs[$0].text += "\t" }
                case "br", "cr":
                    guard let last = paragraphs.indices.last else { break }
                    if attributes["type"] == "page" { paragraphs[last].endsPage = true } else { paragraphs[last].text += "\n" }
                case "noBreakHyphen":
                    paragraphs.indices.last.map { paragraphs[$0].text += "-" }
                case "tbl":
                    tableDepth += 1
                    if tableDepth == 1 { rows = [] }
                case "tr" where tableDepth == 1:
                    row = []
                case "tc" where tableDepth == 1:
                    cellParts = []
                    cellSpan = 1
                    cellContinuesMerge = false
                case "gridSpan" where tableDepth == 1:
                    cellSpan = max(1, min(attributes["val"].flatMap(Int.init) ?? 1, 64))
                case "vMerge" where tableDepth == 1:
                    cellContinuesMerge = attributes["val"] == nil || attributes["val"] == "continue"
                default:
                    break
                }
            },
            onEnd: { element throws(ImportProblem) in
                if hiddenDepth > 0 {
                    if ["del", "moveFrom", "Fallback"].contains(element) { hiddenDepth -= 1 }
                    return
                }
                switch element {
                case "pPr": inParagraphProperties = false
                case "t": inText = false
                case "p":
                    guard let paragraph = paragraphs.popLast() else { break }
                    if tableDepth > 0 {
                        let text = paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines)
                        if !text.isEmpty { cellParts.append(text) }
                    } else {
                        blocks.append(.paragraph(paragraph))
                    }
                case "tc" where tableDepth == 1:
                    row.append(cellContinuesMerge ? "" : cellParts.joined(separator: " "))
                    row += Array(repeating: "", count: cellSpan - 1)
                case "tr" where tableDepth == 1:
                    rows.append(row)
                case "tbl":
                    tableDepth -= 1
                    if tableDepth == 0 { blocks.append(.table(rows)) }
                default:
                    break
                }
            },
            onText: { text in
                if inText, hiddenDepth == 0, let last = paragraphs.indices.last { paragraphs[last].text += text }
            })
        return blocks
    }
}
