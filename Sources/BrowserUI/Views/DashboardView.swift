import Catalogue
import ChineseText

/// 各街道均等化: subdistricts as rows, domains as columns, each cell the share of the
/// subdistrict's area within the radius, as a number and a shade. Narrow windows show the
/// columns around the selected one.
enum DashboardView {
    /// Columns of one share cell: a space, three digits, the shade and the sample mark.
    static let cellWidth = 6

    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let language = state.language
        let dashboard = state.dashboard
        let catalogue = state.catalogue
        let width = layout.width
        let top = layout.contentTop
        let figures = dashboard.current
        guard !dashboard.layers.isEmpty, !figures.isEmpty else { return }
        let metres = Int(dashboard.radiusMetres)

        // Line 1: what the numbers are.
        let heading = width >= 60
            ? language.pick("\(metres) 米内面积比例（%）· 按面积，人口数据暂缺", "% of area within \(metres) m · by area, no population data")
            : language.pick("\(metres) 米内面积比例（%）", "% of area within \(metres) m")
        screen.putStyled(heading, row: top, column: 1, columns: width - 2, style: .title, ellipsis: borders.ellipsis)

        // Which domain columns fit, keeping the selected one in view.
        let nameWidth = width >= 60 ? 11 : 7
        let fitting = max(1, (width - 1 - nameWidth) / cellWidth)
        let first = max(0, min(dashboard.column - fitting / 2, figures.count - fitting))
        let columns = first..<min(figures.count, first + fitting)

        // Line 2: column heads (domain ids); the selected one highlighted.
        for (k, c) in columns.enumerated() {
            let x = 1 + nameWidth + k * cellWidth
            screen.putPadded(dashboard.layers[c].id, row: top + 1, column: x, columns: cellWidth - 1,
                             style: c == dashboard.column ? .selected : .dim, alignRight: true)
        }

        let position = state.positions[Page.dashboard.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: .dashboard)
        let firstRow = layout.firstRow(for: .dashboard)
        let rowCount = figures[0].count
        for index in Layout.rows(from: position.top, count: rowCount, visible: visible) {
            let row = firstRow + index - position.top
            let selectedRow = index == position.cursor
            let code = figures[0][index].subdistrictCode
            var name = code.flatMap { c in dashboard.subdistricts.first { $0.code == c }?.name } ?? language.pick("未归属", "unassigned")
            if width < 60, name.hasSuffix("街道") { name = String(name.dropLast(2)) }
            screen.putPadded(name, row: row, column: 1, columns: nameWidth - 1, style: selectedRow ? .title : .normal)
            for (k, c) in columns.enumerated() {
                let figure = figures[c][index]
                let x = 1 + nameWidth + k * cellWidth
                let digits = figure.share.map { String(Int(($0 * 100).rounded(.down))) } ?? "—"
                let text = String(repeating: " ", count: max(0, 3 - digits.count)) + digits
                    + shade(figure.share, ascii: state.options.asciiBorders) + (figure.restsOnSample ? "*" : " ")
                let style: Style = selectedRow && c == dashboard.column ? .selected
                    : (figure.share ?? 1) < BrowserState.gapShare ? .warning : .normal
                screen.put(text, row: row, column: x, style: style, maxColumns: cellWidth - 1)
            }
        }

        // Below the table: the selected domain's name and equality, then the sample note.
        let column = dashboard.column
        let layer = dashboard.layers[column]
        var summary = "\(layer.id) \(layer.name(in: catalogue, english: language == .english))"
        if let e = CoverageEquality(figures: figures[column]) {
            let ratio = e.ratio.map { String(format: "%.2f", $0) } ?? "—"
            let gini = e.gini.map { String(format: "%.3f", $0) } ?? "—"
            summary += language.pick(" · 最低 \(percent(e.minShare)) 最高 \(percent(e.maxShare)) · 比值 \(ratio) · 基尼 \(gini)",
                                     " · min \(percent(e.minShare)) max \(percent(e.maxShare)) · ratio \(ratio) · gini \(gini)")
        }
        let summaryRow = firstRow + visible
        screen.putStyled(summary, row: summaryRow, column: 1, columns: width - 2, style: .normal, ellipsis: borders.ellipsis)
        let note = language.pick("* 样例数据，不作结论 · 边界为手绘近似 · Enter 看缺口", "* sample data: not a finding · hand-drawn boundaries · Enter: gaps")
        screen.putStyled(note, row: summaryRow + 1, column: 1, columns: width - 2, style: .dim, ellipsis: borders.ellipsis)
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A shade for a share: eighth blocks, or ASCII steps with --ascii.
    static func shade(_ share: Double?, ascii: Bool) -> String {
        guard let share else { return " " }
        if ascii {
            let steps = [" ", ".", ":", "+", "#"]
            return steps[min(4, Int((share * 4).rounded()))]
        }
        let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return blocks[min(8, Int((share * 8).rounded()))]
    }
}
