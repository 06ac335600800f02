/// A list to choose from with a field that narrows it (where I am, nearby filter).
enum PickerView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        guard case .picker(let purpose) = state.page else { return }
        let language = state.language
        let label = purpose == .origin ? language.pick("我在：", "I am at: ") : language.pick("筛选：", "Filter: ")
        FieldView.render(label: label, field: state.pickerField, row: layout.contentTop, width: layout.width, into: &screen)
        let info = state.pickerChoices.isEmpty ? language.pick("没有匹配的项", "Nothing matches")
            : language.pick("\(state.pickerChoices.count) 项可选", "\(state.pickerChoices.count) choices")
        screen.put(info, row: layout.contentTop + 1, column: 1, style: .dim, maxColumns: layout.width - 2)
        let position = state.positions[state.page.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: state.page)
        let firstRow = layout.firstRow(for: state.page)
        for index in Layout.rows(from: position.top, count: state.pickerChoices.count, visible: visible) {
            let choice = state.pickerChoices[index]
            let selected = index == position.cursor
            let style: Style = selected ? .selected : .normal
            screen.fill(row: firstRow + index - position.top, column: 0, height: 1, width: layout.width, style: style)
            screen.putRow(choice.title, row: firstRow + index - position.top, column: 2, columns: max(0, layout.width - 3),
                          style: style, tags: choice.kind.isEmpty ? [] : [SheetRow.Piece(text: choice.kind, style: .dim)],
                          ellipsis: borders.ellipsis)
        }
    }
}
