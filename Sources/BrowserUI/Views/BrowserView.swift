import ChineseText

/// Draws a whole frame of the browser from its state; pure.
public enum BrowserView {
    /// Renders `state` into `screen` (which should be sized like the state).
    public static func render(_ state: BrowserState, into screen: inout Screen) {
        screen.cursor = nil
        let layout = Layout(width: screen.width, height: screen.height)
        if layout.isTooSmall {
            TooSmallView.render(width: screen.width, height: screen.height, into: &screen)
            return
        }
        let borders = Borders(ascii: state.options.asciiBorders)
        TitleBarView.render(state, layout: layout, into: &screen, borders: borders)
        switch state.page {
        case .domains, .items, .points: BrowseView.render(state, layout: layout, into: &screen, borders: borders)
        case .item, .point, .favourites, .history: SheetView.render(state, layout: layout, into: &screen, borders: borders)
        case .reader: ReaderView.render(state, layout: layout, into: &screen, borders: borders)
        case .contents: ContentsView.render(state, layout: layout, into: &screen, borders: borders)
        case .find: FindView.render(state, layout: layout, into: &screen, borders: borders)
        case .nearby: NearbyView.render(state, layout: layout, into: &screen, borders: borders)
        case .map: MapView.render(state, layout: layout, into: &screen, borders: borders)
        case .picker: PickerView.render(state, layout: layout, into: &screen, borders: borders)
        case .help: HelpView.render(state, layout: layout, into: &screen, borders: borders)
        case .dashboard: DashboardView.render(state, layout: layout, into: &screen, borders: borders)
        case .coverageGaps(let row, let column): CoverageGapsView.render(state, row: row, column: column, layout: layout, into: &screen)
        }
        StatusLineView.render(state, layout: layout, into: &screen, borders: borders)
        KeyBarView.render(state, layout: layout, into: &screen)
    }

    /// A new screen of the state's size with the frame drawn.
    public static func frame(_ state: BrowserState) -> Screen {
        var screen = Screen(width: state.width, height: state.height, ambiguousWide: state.options.ambiguousWide)
        render(state, into: &screen)
        return screen
    }
}
