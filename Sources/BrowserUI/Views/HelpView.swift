/// The help page: the current screen's keys, from the key map.
enum HelpView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        guard case .help(let mode) = state.page else { return }
        let rows = HelpPage.rows(for: mode, keyMap: state.keyMap, language: state.language, linkMark: borders.linkMark.filter { $0 != " " },
                                 starMark: state.starTag.text)
        let top = state.positions[state.page.positionKey]?.top ?? 0
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        for index in Layout.rows(from: top, count: rows.count, visible: visible) {
            screen.putPieces(rows[index].pieces, row: firstRow + index - top, column: 1,
                             columns: max(0, layout.width - 2), ellipsis: borders.ellipsis)
        }
    }
}
