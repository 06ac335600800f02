/// One row of a record's details page: styled pieces of text and, for rows that lead somewhere,
/// the page Enter opens.
struct SheetRow: Sendable, Hashable {
    struct Piece: Sendable, Hashable {
        var text: String
        var style: Style
        /// As a row tag: tags of lower priority give way first when a row is short of room.
        var priority = 0

        /// A tag priority that never gives way: the title is cut instead. For columns every row
        /// of a list has, so that they stay lined up.
        static let kept = Int.max

        init(text: String, style: Style, priority: Int = 0) {
            self.text = text
            self.style = style
            self.priority = priority
        }
    }

    var pieces: [Piece]
    var indent: Int
    var link: Page?
    /// A URL the row's text shows, drawn as an OSC 8 hyperlink when the user asks for them.
    var hyperlink: String?

    init(_ pieces: [Piece], indent: Int = 0, link: Page? = nil) {
        self.pieces = pieces
        self.indent = indent
        self.link = link
    }

    init(_ text: String, style: Style = .normal, indent: Int = 0, link: Page? = nil) {
        self.init([Piece(text: text, style: style)], indent: indent, link: link)
    }
}
