/// One dashboard cell in full: the shares at every radius and the uncovered patches.
enum CoverageGapsView {
    static func render(_ state: BrowserState, row: Int, column: Int, layout: Layout, into screen: inout Screen) {
        let rows = state.coverageGapLines(row: row, column: column)
        let top = state.positions[state.page.positionKey]?.top ?? 0
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        for index in Layout.rows(from: top, count: rows.count, visible: visible) {
            screen.putPieces(rows[index].pieces, row: firstRow + index - top, column: 1, columns: max(0, layout.width - 2),
                             ellipsis: state.options.asciiBorders ? "..." : "…")
        }
    }
}
