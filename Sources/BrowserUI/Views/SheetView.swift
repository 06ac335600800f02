/// The item and point details pages: labelled fields, then rows that open what they name.
enum SheetView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let rows = state.sheetRows(state.page)
        let position = state.positions[state.page.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        for index in Layout.rows(from: position.top, count: rows.count, visible: visible) {
            let row = firstRow + index - position.top
            let sheetRow = rows[index]
            let selected = index == position.cursor
            let column = 1 + sheetRow.indent
            if selected { screen.fill(row: row, column: 0, height: 1, width: layout.width, style: .selected) }
            screen.putPieces(sheetRow.pieces, row: row, column: column, columns: max(0, layout.width - column - 1),
                             override: selected ? .selected : nil, ellipsis: borders.ellipsis)
            if state.options.hyperlinks, let url = sheetRow.hyperlink {
                let text = sheetRow.pieces.map(\.text).joined()
                let columns = min(text.count, max(0, layout.width - column - 1))
                screen.hyperlinks.append(Screen.Hyperlink(row: row, column: column, columns: columns, url: url))
            }
        }
    }
}
