import Catalogue
import ChineseText

/// The top line: where you are, as a path, cut from the left when it does not fit.
enum TitleBarView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let parts = path(state)
        let separator = borders.pathSeparator
        // A sample or official text carries its badge on the title line, where every reader page shows it.
        var badge = ""
        switch state.page {
        case .reader(let id), .contents(let id):
            if state.catalogue.standard(id)?.provenance.isSample == true { badge = state.language.pick("[样例]", "[sample]") }
            if state.catalogue.standard(id)?.provenance.isOfficial == true { badge = state.language.pick("[官方]", "[official]") }
        default: break
        }
        let badgeWidth = badge.isEmpty ? 0 : DisplayWidth.of(badge, ambiguousWide: screen.ambiguousWide) + 1
        var text = parts.joined(separator: separator)
        var dropped = 0
        while DisplayWidth.of(text, ambiguousWide: screen.ambiguousWide) > layout.width - 1 - badgeWidth, dropped < parts.count - 1 {
            dropped += 1
            text = ([borders.ellipsis] + parts.dropFirst(dropped)).joined(separator: separator)
        }
        screen.fill(row: 0, column: 0, height: 1, width: layout.width, style: .title)
        screen.putStyled(text, row: 0, column: 0, columns: layout.width - badgeWidth, style: .title, ellipsis: borders.ellipsis)
        if !badge.isEmpty, badgeWidth < layout.width {
            screen.put(badge, row: 0, column: layout.width - badgeWidth + 1, style: .warning)
        }
    }

    static func path(_ state: BrowserState) -> [String] {
        let catalogue = state.catalogue
        let language = state.language
        let root = language.pick("福田基本公共服务", "Futian public services")
        func domainName(_ id: String) -> String { catalogue.domain(id)?.name ?? id }
        switch state.page {
        case .domains: return [root]
        case .items(let d): return [root, domainName(d)]
        case .points(let i):
            guard let item = catalogue.item(i) else { return [root] }
            return [root, domainName(item.domainID), item.name]
        case .item(let i):
            guard let item = catalogue.item(i) else { return [root] }
            return [root, domainName(item.domainID), item.name]
        case .point(let p): return [root, catalogue.point(p)?.name ?? p]
        case .reader(let s): return [root, catalogue.standard(s)?.title ?? s]
        case .contents(let s): return [root, catalogue.standard(s)?.title ?? s, language.pick("目录", "Contents")]
        case .find: return [root, language.pick("搜索", "Find")]
        case .nearby: return [root, language.pick("附近", "Nearby")]
        case .map: return [root, language.pick("附近", "Nearby"), language.pick("地图", "Map")]
        case .picker(.origin): return [root, language.pick("附近", "Nearby"), language.pick("我在哪里", "Where I am")]
        case .picker(.filter): return [root, language.pick("附近", "Nearby"), language.pick("筛选", "Filter")]
        case .help(let mode): return [root, language.pick("帮助", "Help"), mode.title(language)]
        case .dashboard: return [root, language.pick("各街道均等化", "Equalisation")]
        case .coverageGaps: return [root, language.pick("各街道均等化", "Equalisation"), language.pick("缺口", "Gaps")]
        case .favourites: return [root, language.pick("我的收藏", "Favourites")]
        case .history: return [root, language.pick("最近打开", "History")]
        }
    }
}
