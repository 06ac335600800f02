import ChineseText

/// The reader: wrapped lines of a standard text, headings as titles, search matches highlighted.
enum ReaderView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        guard let document = state.document else { return }
        let top = state.readerTop
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        let margin = max(1, (layout.width - state.readerColumns) / 2)
        for index in Layout.rows(from: top, count: document.lines.count, visible: visible) {
            let line = document.lines[index]
            let row = firstRow + index - top
            let style: Style = document.isHeading(line) ? .title : .normal
            let matches = document.matchesBySource[line.source] ?? []
            var column = margin + line.indent
            let characters = document.sourceLines[line.source]
            for offset in line.range {
                let character = characters[offset]
                let matched = matches.contains { $0.contains(offset) }
                let w = DisplayWidth.of(character, ambiguousWide: screen.ambiguousWide)
                guard column + w <= layout.width else { break }
                column += screen.put(String(character), row: row, column: column, style: matched ? .match : style,
                                     maxColumns: w)
            }
        }
    }
}
