/// A labelled text field on a content line; places the hardware cursor at the caret.
enum FieldView {
    static func render(label: String, field: TextField, row: Int, width: Int, into screen: inout Screen) {
        let used = screen.put(label, row: row, column: 1, style: .title)
        let start = 1 + used
        let columns = max(0, width - start - 1)
        screen.fill(row: row, column: start, height: 1, width: columns, style: .field)
        screen.put(field.text, row: row, column: start, style: .field, maxColumns: columns)
        let caret = field.caretColumn(ambiguousWide: screen.ambiguousWide)
        screen.cursor = (row, min(max(0, width - 1), start + caret))
    }
}
