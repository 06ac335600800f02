import Catalogue
import ChineseText

/// The status line above the key bar: a message or what the page holds on the left, the
/// position on the right; a bottom field replaces it while it is open.
enum StatusLineView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let row = layout.statusRow
        screen.fill(row: row, column: 0, height: 1, width: layout.width, style: .status)
        if let prompt = state.prompt {
            let label: String
            switch prompt.purpose {
            case .textSearch: label = "/"
            case .radius: label = state.language.pick("范围（米）：", "Radius (m): ")
            case .placeName: label = state.language.pick("保存为：", "Save as: ")
            }
            let used = screen.put(label, row: row, column: 0, style: .status)
            screen.fill(row: row, column: used, height: 1, width: layout.width - used, style: .field)
            let fieldColumns = layout.width - used - 1
            let text = prompt.field.text
            screen.put(text, row: row, column: used, style: .field, maxColumns: fieldColumns)
            let caret = prompt.field.caretColumn(ambiguousWide: screen.ambiguousWide)
            screen.cursor = (row, min(layout.width - 1, used + caret))
            return
        }
        let right = position(state)
        let rightWidth = DisplayWidth.of(right, ambiguousWide: screen.ambiguousWide)
        let left = state.message ?? summary(state, borders: borders)
        let leftColumns = max(0, layout.width - rightWidth - 2)
        screen.putStyled(left, row: row, column: 0, columns: leftColumns, style: .status, ellipsis: borders.ellipsis)
        if rightWidth + 1 <= layout.width {
            screen.put(right, row: row, column: layout.width - rightWidth - 1, style: .status)
        }
    }

    /// "3/17" for lists, a percentage for text.
    static func position(_ state: BrowserState) -> String {
        let shape = state.shape(of: state.page)
        switch state.page {
        case .reader:
            guard shape.count > 0 else { return "" }
            let top = state.readerTop
            let bottom = min(shape.count, top + shape.visible)
            return "\(bottom * 100 / shape.count)%"
        case .help:
            return ""
        case .nearby, .map:
            // Count the points in reach, not the summary lines below them, so the counter agrees
            // with "N 个在范围内" in the header.
            let isHit: (NearbyLine) -> Bool = { if case .hit = $0 { return true } else { return false } }
            let lines = state.nearby.lines
            let hits = lines.filter(isHit).count
            guard hits > 0 else { return "0" }
            let cursor = min(state.positions[Page.nearby.positionKey]?.cursor ?? 0, lines.count - 1)
            let number = lines[...cursor].filter(isHit).count
            return number == 0 ? "–/\(hits)" : "\(number)/\(hits)"
        case .find:
            let hits = state.findRows.filter(\.isHit).count
            guard hits > 0 else { return "0" }
            let cursor = state.positions[state.page.positionKey]?.cursor ?? 0
            let number = state.findRows[...min(cursor, state.findRows.count - 1)].filter(\.isHit).count
            return "\(number)/\(hits)"
        default:
            guard shape.count > 0 else { return "0" }
            let cursor = state.positions[state.page.positionKey]?.cursor ?? 0
            return "\(cursor + 1)/\(shape.count)"
        }
    }

    static func summary(_ state: BrowserState, borders: Borders) -> String {
        let catalogue = state.catalogue
        let language = state.language
        switch state.page {
        case .domains:
            return language.pick("\(catalogue.domains.count) 个领域 · \(catalogue.items.count) 项服务 · \(catalogue.pointCount) 个服务点 · ? 帮助",
                                 "\(catalogue.domains.count) domains · \(catalogue.items.count) items · \(catalogue.pointCount) points · ? help")
        case .items(let d):
            return language.pick("\(catalogue.domain(d)?.name ?? d)：\(state.context.items(inDomain: d).count) 项服务，i 查看详情",
                                 "\(catalogue.domain(d)?.name ?? d): \(state.context.items(inDomain: d).count) items, i for details")
        case .points(let i):
            return language.pick("\(state.context.points(servingItem: i).count) 个服务点提供此项服务",
                                 "\(state.context.points(servingItem: i).count) points provide this item")
        case .item, .point:
            let mark = borders.linkMark.filter { $0 != " " }
            return language.pick("\(mark) 行按 Enter 打开，Tab 跳到下一个", "Enter opens rows marked \(mark), Tab jumps to the next")
        case .reader(let s):
            let query = state.document?.query ?? ""
            let base = catalogue.standard(s).map { "\($0.code)" } ?? s
            if query.isEmpty { return base + language.pick(" · t 目录 · / 查找", " · t contents · / search") }
            return base + " · /\(query) (\(state.document?.matches.count ?? 0))"
        case .contents:
            return language.pick("Enter 跳到该章节", "Enter jumps to the chapter")
        case .find:
            return language.pick("↑↓ 选择 · Enter 打开 · Esc 返回", "↑↓ choose · Enter open · Esc back")
        case .nearby:
            return language.pick("直线距离；步行约 1.2–1.5 倍路程", "Straight-line distances; walks are 1.2–1.5× longer")
        case .map:
            guard let hit = state.selectedMapHit else {
                return language.pick("Tab 选点 · +/- 缩放 · 方向键移动 · m 列表", "Tab selects · +/- zoom · arrows pan · m list")
            }
            let type = state.catalogue.pointType(hit.point.typeID).map { language == .chinese ? $0.name : $0.nameEnglish } ?? ""
            let sample = hit.point.provenance.isSample ? language.pick(" · 样例", " · sample") : ""
            return "\(borders.linkMark)\(hit.point.name) · \(type) · "
                + NearbyView.hitPrefix(hit, language: language, ambiguousWide: false).split(separator: " ").joined(separator: " ") + sample
        case .picker(.origin):
            return language.pick("输入地铁站、街道、服务点名或坐标（如 22.54,114.05 gcj02）",
                                 "Type a station, subdistrict, point or coordinates (22.54,114.05 gcj02)")
        case .picker(.filter):
            return language.pick("输入名称筛选领域、类型或事项", "Type to narrow domains, types or items")
        case .help:
            return language.pick("Esc 返回", "Esc to go back")
        case .dashboard:
            return language.pick("方向键/hjkl 移动 · 1/2/3 半径 · Enter 缺口", "Arrows/hjkl move · 1/2/3 radius · Enter gaps")
        case .coverageGaps:
            return language.pick("1/2/3 换半径 · Esc 返回", "1/2/3 radius · Esc back")
        case .favourites:
            return language.pick("Enter 打开 · * 取消收藏 · H 历史", "Enter opens · * unstars · H history")
        case .history:
            return language.pick("Enter 打开 · * 收藏 · F 收藏夹 · fuwu history --clear 清空", "Enter opens · * stars · F favourites · fuwu history --clear empties")
        }
    }
}
