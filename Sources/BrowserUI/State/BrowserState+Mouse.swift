extension BrowserState {
    /// A click selects the row under it; a click on the selected row opens it; a click on the
    /// key bar gives that key's command.
    mutating func click(row: Int, column: Int) {
        let layout = layout
        guard !layout.isTooSmall else { return }
        if row == layout.keyBarRow {
            let entries = KeyBarView.entries(mode: mode, keyMap: keyMap, language: language, width: layout.width,
                                             ambiguousWide: options.ambiguousWide)
            if let entry = entries.first(where: { $0.columns.contains(column) }) { _ = apply(entry.command) }
            return
        }
        guard prompt == nil else { return }
        var target = page
        if case .domains = page, true { target = browsePane(at: column, layout: layout) ?? page }
        if case .items = page { target = browsePane(at: column, layout: layout) ?? page }
        if case .points = page { target = browsePane(at: column, layout: layout) ?? page }
        let firstRow = layout.firstRow(for: target)
        let visible = layout.visibleRows(for: target)
        guard row >= firstRow, row < firstRow + visible else { return }
        if case .reader = page { return }
        if case .help = page { return }
        if target != page {
            if let index = stack.lastIndex(of: target) {
                stack.removeSubrange((index + 1)...)
            } else {
                push(target)
            }
        }
        let position = positions[target.positionKey] ?? ListPosition()
        let index = position.top + row - firstRow
        let shape = shape(of: target)
        guard index < shape.count else { return }
        if case .find = target, !findRows[index].isHit { return }
        if index == position.cursor, target == page {
            open()
        } else {
            positions[target.positionKey, default: ListPosition()].select(index, count: shape.count, visible: shape.visible)
        }
    }

    private func browsePane(at column: Int, layout: Layout) -> Page? {
        BrowseView.panes(self, layout: layout).first { column >= $0.start && column < $0.start + $0.width }?.page
    }
}
