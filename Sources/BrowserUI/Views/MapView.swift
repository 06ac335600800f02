import ChineseText
import ServiceMap

/// The map page: the nearby answer drawn around "where I am", with the list beside it on wide
/// terminals.
enum MapView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let canvas = layout.mapCanvas
        if layout.mapListColumns > 0 {
            // The list is the nearby page drawn at the list's width, so it is the same list.
            var list = Screen(width: layout.mapListColumns, height: layout.height, ambiguousWide: screen.ambiguousWide)
            NearbyView.render(state, layout: Layout(width: layout.mapListColumns, height: layout.height), into: &list, borders: borders)
            screen.paste(list, rows: canvas.top..<(canvas.top + canvas.rows), column: 0)
            for row in canvas.top..<(canvas.top + canvas.rows) {
                screen.put(String(borders.vertical), row: row, column: layout.mapListColumns, style: .border)
            }
        }
        guard let scene = state.map.scene else {
            let text = state.nearby.problem ?? state.language.pick("还没有设置位置：按 o 选择“我在哪里”", "No location yet: press o to say where you are")
            screen.putStyled(text, row: canvas.top, column: canvas.left + 1, columns: max(0, canvas.columns - 2), style: .warning,
                             ellipsis: borders.ellipsis)
            return
        }
        let legend = state.mapLegendShown ? legend(state) : nil
        MapPicture.draw(scene, viewport: state.mapViewport, selectedPointID: state.selectedMapHit?.point.id,
                        glyphs: MapPicture.Glyphs(ascii: state.options.asciiBorders, domainColours: state.options.domainColours),
                        language: state.language, legend: legend, into: &screen, top: canvas.top, left: canvas.left)
    }

    static func legend(_ state: BrowserState) -> MapLegend {
        let language = state.language
        let filter = state.nearby.filter == .none ? "" : " · " + NearbyView.filterName(state)
        let inside = state.nearby.result.map { language.pick(" · \($0.totalWithinRadius) 个", " · \($0.totalWithinRadius) in") } ?? ""
        return MapLegend(heading: language.pick("图例", "Legend") + inside + filter,
                         domainNames: state.catalogue.domains.map(\.name), language: language,
                         radiusMetres: state.nearby.radiusMetres, hasSubdistricts: !state.catalogue.subdistrictBoundaries.isEmpty,
                         overlayName: state.map.overlays.isEmpty ? nil
                             : language.pick("未覆盖片区（\(state.map.overlays.count) 个）", "uncovered patches (\(state.map.overlays.count))"),
                         hasOfficial: state.map.scene?.markers.contains(where: \.isOfficial) ?? false)
    }
}
