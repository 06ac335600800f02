/// Service points around "where I am", nearest first; origin, datum and radius always shown.
enum NearbyView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        if let problem = state.nearby.problem {
            screen.put(problem, row: layout.contentTop, column: 1, style: .warning, maxColumns: layout.width - 2)
        }
    }
}
