/// Where things go on a screen of a given size; the state and the views share it, so a page
/// scrolls by exactly the rows the view shows and a click lands on the row drawn there.
struct Layout: Sendable, Hashable {
    static let minimumWidth = 30
    static let minimumHeight = 8
    /// From this width the browser shows domains, items and points side by side.
    static let threePaneWidth = 100
    /// From this width the browser shows two levels side by side.
    static let twoPaneWidth = 60

    let width: Int
    let height: Int

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// Row 0 is the title line.
    var contentTop: Int { 1 }
    var contentHeight: Int { max(0, height - 3) }
    var statusRow: Int { height - 2 }
    var keyBarRow: Int { height - 1 }

    var paneCount: Int { width >= Self.threePaneWidth ? 3 : width >= Self.twoPaneWidth ? 2 : 1 }

    /// Rows a page's list or text shows, below any heading lines the page draws.
    func visibleRows(for page: Page) -> Int {
        let rows: Int
        switch page {
        case .domains, .items, .points: rows = contentHeight - 1
        case .find, .picker: rows = contentHeight - 2
        case .nearby: rows = contentHeight - 3
        case .dashboard: rows = contentHeight - 4
        default: rows = contentHeight
        }
        return max(1, rows)
    }

    /// The first screen row of a page's list or text.
    func firstRow(for page: Page) -> Int {
        switch page {
        case .domains, .items, .points: contentTop + 1
        case .find, .picker: contentTop + 2
        case .nearby: contentTop + 3
        case .dashboard: contentTop + 2
        default: contentTop
        }
    }

    /// From this width the map page shows the nearby list beside the map.
    static let mapBesideListWidth = 120

    /// Columns the nearby list takes beside the map (0 when the map has the whole width).
    var mapListColumns: Int { width >= Self.mapBesideListWidth ? min(60, width * 2 / 5) : 0 }

    /// The map canvas: every content row, right of the list (and its border) when there is one.
    var mapCanvas: (top: Int, left: Int, columns: Int, rows: Int) {
        let left = mapListColumns == 0 ? 0 : mapListColumns + 1
        return (contentTop, left, max(0, width - left), contentHeight)
    }

    /// The indices of the rows a list shows from `top`, safe when the list has shrunk below it.
    static func rows(from top: Int, count: Int, visible: Int) -> Range<Int> {
        let start = max(0, min(top, count))
        return start..<max(start, min(count, start + max(0, visible)))
    }

    /// Columns of the browse panes, left to right, each with its start and width; a one-column
    /// gap between panes holds the border. With two panes the left one takes `leftPercent` of
    /// the width, so the list in focus gets the room.
    func paneColumns(count: Int, leftPercent: Int = 45) -> [(start: Int, width: Int)] {
        switch count {
        case 3:
            let first = min(24, width / 5)
            let second = (width - first - 2) * 9 / 20
            let third = width - first - second - 2
            return [(0, first), (first + 1, second), (first + second + 2, third)]
        case 2:
            let first = (width - 1) * leftPercent / 100
            return [(0, first), (first + 1, width - first - 1)]
        default:
            return [(0, width)]
        }
    }
}
