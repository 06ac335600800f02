import ChineseText

/// A grid of cells that views draw into; the terminal presents it. A wide character occupies its
/// cell and marks the next one as its continuation, so nothing can split it.
public struct Screen: Sendable, Equatable {
    /// One terminal cell.
    public struct Cell: Sendable, Equatable {
        /// The character drawn here; nil for the right half of a wide character.
        public var character: Character?
        public var style: Style

        public static let blank = Cell(character: " ", style: .normal)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (a text field's caret), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0.row, $0.column) } }
        set { cursorPosition = newValue.map { CursorPosition(row: $0.row, column: $0.column) } }
    }
    private var cursorPosition: CursorPosition?
    /// Draw East-Asian ambiguous characters two columns wide.
    public let ambiguousWide: Bool
    /// Spans of ASCII text that are links, for terminals told to draw OSC 8 hyperlinks.
    public var hyperlinks: [Hyperlink] = []

    /// A run of cells on one row showing a URL (or part of one).
    public struct Hyperlink: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var columns: Int
        public var url: String
    }

    private struct CursorPosition: Sendable, Equatable { var row: Int; var column: Int }

    public init(width: Int, height: Int, ambiguousWide: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ambiguousWide = ambiguousWide
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` at (row, column), clipped to `maxColumns` (default: to the right edge), and
    /// returns the number of columns used. A wide character that would cross the limit is
    /// replaced by a space; unsafe characters are shown inert.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal,
                             maxColumns: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let limit = min(width - column, maxColumns ?? Int.max)
        var used = 0
        for character in Sanitiser.line(text) {
            let w = DisplayWidth.of(character, ambiguousWide: ambiguousWide)
            if w == 0 { continue }
            if used + w > limit {
                if used < limit { set(row, column + used, Cell(character: " ", style: style)); used += 1 }
                break
            }
            set(row, column + used, Cell(character: character, style: style))
            if w == 2 { set(row, column + used + 1, Cell(character: nil, style: style)) }
            used += w
        }
        return used
    }

    /// Writes `text` cut to `columns` with an ellipsis and padded with spaces to exactly `columns`.
    public mutating func putPadded(_ text: String, row: Int, column: Int, columns: Int,
                                   style: Style = .normal, alignRight: Bool = false) {
        let cell = DisplayWidth.pad(Sanitiser.line(text), to: columns, alignRight: alignRight,
                                    ambiguousWide: ambiguousWide)
        put(cell, row: row, column: column, style: style, maxColumns: columns)
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(row: Int, column: Int, height rows: Int, width columns: Int, style: Style) {
        for r in max(0, row)..<min(height, row + rows) {
            for c in max(0, column)..<min(width, column + columns) {
                set(r, c, Cell(character: " ", style: style))
            }
        }
    }

    /// Puts one single-column glyph the caller knows is safe (a map's Braille dots, digits, `@`):
    /// the map fills thousands of cells a frame, and `put`'s sanitising and width lookup would
    /// cost more than the drawing.
    mutating func putGlyph(_ character: Character, row: Int, column: Int, style: Style) {
        set(row, column, Cell(character: character, style: style))
    }

    /// Copies rows of another screen (its columns from 0) into this one at `column`; a wide
    /// character cut by the right edge is blanked.
    public mutating func paste(_ other: Screen, rows: Range<Int>, column: Int) {
        for row in rows where row >= 0 && row < min(height, other.height) {
            for c in 0..<other.width where column + c < width {
                let cell = other[row, c]
                if cell.character == nil, c == 0 { continue }
                set(row, column + c, cell)
            }
        }
    }

    /// Changes the style of existing cells without touching their characters.
    public mutating func restyle(row: Int, column: Int, columns: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<min(width, column + columns) { cells[row * width + c].style = style }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let index = row * width + column
        // Overwriting half of a wide character blanks its other half.
        if cells[index].character == nil, column > 0 {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style)
        }
        if let old = cells[index].character, DisplayWidth.of(old, ambiguousWide: ambiguousWide) == 2,
           column + 1 < width, cell.character.map({ DisplayWidth.of($0, ambiguousWide: ambiguousWide) }) != 2 {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The screen's text, one line per row, right-trimmed: what golden files hold.
    public var text: String {
        (0..<height).map { rowText($0) }.joined(separator: "\n")
    }

    /// One row's text, right-trimmed.
    public func rowText(_ row: Int) -> String {
        var line = ""
        for c in 0..<width { if let ch = self[row, c].character { line.append(ch) } }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// One letter per cell naming its style (see `Style`): the second golden file of a screen.
    public var styleMask: String {
        (0..<height).map { row in
            String((0..<width).map { self[row, $0].style.rawValue })
        }.joined(separator: "\n")
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursorPosition == b.cursorPosition
    }
}
