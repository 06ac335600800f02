/// The reader's table of contents: the text's headings, indented by level.
enum ContentsView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        guard let document = state.document else { return }
        let position = state.positions[state.page.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        let minimumLevel = document.headings.map(\.level).min() ?? 1
        for index in Layout.rows(from: position.top, count: document.headings.count, visible: visible) {
            let heading = document.headings[index]
            let row = firstRow + index - position.top
            let indent = 1 + 2 * (heading.level - minimumLevel)
            let selected = index == position.cursor
            screen.fill(row: row, column: 0, height: 1, width: layout.width, style: selected ? .selected : .normal)
            screen.putRow(heading.title, row: row, column: indent, columns: max(0, layout.width - indent - 1),
                          style: selected ? .selected : (heading.level <= minimumLevel ? .title : .normal),
                          ellipsis: borders.ellipsis)
        }
    }
}
