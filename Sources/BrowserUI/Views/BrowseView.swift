import Catalogue
import ChineseText

/// Domains → items → points as side-by-side panes: three when wide, two at 80 columns (the list
/// and what its selected row holds), one at a time when narrow.
enum BrowseView {
    struct Pane: Sendable, Hashable {
        var page: Page
        var start: Int
        var width: Int
        var focused: Bool
    }

    /// The panes on screen for the current browse page.
    static func panes(_ state: BrowserState, layout: Layout) -> [Pane] {
        let catalogue = state.catalogue
        let context = state.context
        func cursor(_ page: Page) -> Int { state.positions[page.positionKey]?.cursor ?? 0 }
        let domainID: String?
        let itemID: String?
        switch state.page {
        case .domains:
            domainID = catalogue.domains.indices.contains(cursor(.domains)) ? catalogue.domains[cursor(.domains)].id : nil
            itemID = nil
        case .items(let d):
            domainID = d
            itemID = nil
        case .points(let i):
            domainID = catalogue.item(i)?.domainID
            itemID = i
        default:
            return []
        }
        var selectedItem = itemID
        if selectedItem == nil, let domainID {
            let items = context.items(inDomain: domainID)
            let c = cursor(.items(domainID: domainID))
            if items.indices.contains(c) { selectedItem = catalogue.items[items[c]].id }
        }
        var chain: [Page] = [.domains]
        if let domainID { chain.append(.items(domainID: domainID)) }
        if let selectedItem { chain.append(.points(itemID: selectedItem)) }
        guard let focus = chain.firstIndex(of: state.page) else { return [] }
        let count = min(layout.paneCount, chain.count)
        var first: Int
        switch count {
        case 3: first = 0
        case 2: first = focus == chain.count - 1 && focus > 0 ? focus - 1 : focus
        default: first = focus
        }
        first = max(0, min(first, chain.count - count))
        // Domain names are short; item and point names need the room when in focus.
        let leftPercent: Int
        switch chain[first] {
        case .domains: leftPercent = 40
        default: leftPercent = focus == first ? 55 : 42
        }
        let columns = layout.paneColumns(count: count, leftPercent: leftPercent)
        return (0..<count).map { n in
            Pane(page: chain[first + n], start: columns[n].start, width: columns[n].width, focused: first + n == focus)
        }
    }

    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let panes = panes(state, layout: layout)
        for (n, pane) in panes.enumerated() {
            if n > 0 {
                for row in layout.contentTop..<(layout.contentTop + layout.contentHeight) {
                    screen.put(String(borders.vertical), row: row, column: pane.start - 1, style: .border)
                }
            }
            renderPane(state, pane: pane, layout: layout, into: &screen, borders: borders)
        }
    }

    private static func renderPane(_ state: BrowserState, pane: Pane, layout: Layout, into screen: inout Screen,
                                   borders: Borders) {
        let catalogue = state.catalogue
        let context = state.context
        let language = state.language
        let position = state.positions[pane.page.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: pane.page)
        var top = position.top
        let shape = state.shape(of: pane.page)
        if !pane.focused {
            // A preview pane was never scrolled by its own keys: show its cursor anyway.
            var preview = position
            preview.reveal(count: shape.count, visible: visible)
            top = preview.top
        }
        let heading: String
        switch pane.page {
        case .domains: heading = language.pick("领域 \(catalogue.domains.count)", "Domains \(catalogue.domains.count)")
        case .items(let d): heading = language.pick("服务事项 \(context.items(inDomain: d).count)", "Items \(context.items(inDomain: d).count)")
        case .points(let i): heading = language.pick("服务点 \(context.points(servingItem: i).count)", "Points \(context.points(servingItem: i).count)")
        default: heading = ""
        }
        screen.putRow(heading, row: layout.contentTop, column: pane.start, columns: pane.width,
                      style: .title, ellipsis: borders.ellipsis)
        let firstRow = layout.firstRow(for: pane.page)
        if shape.count == 0 {
            screen.put(language.pick("（空）", "(none)"), row: firstRow, column: pane.start, style: .dim,
                       maxColumns: pane.width)
            return
        }
        for index in Layout.rows(from: top, count: shape.count, visible: visible) {
            let row = firstRow + index - top
            let selected = index == position.cursor
            let style: Style = selected ? (pane.focused ? .selected : .title) : .normal
            let (title, tags) = rowContent(state, page: pane.page, index: index, width: pane.width)
            screen.putRow(title, row: row, column: pane.start, columns: pane.width, style: style, tags: tags,
                          ellipsis: borders.ellipsis)
        }
    }

    /// The title and right-hand tags of one row of a browse list.
    static func rowContent(_ state: BrowserState, page: Page, index: Int, width: Int) -> (String, [SheetRow.Piece]) {
        let catalogue = state.catalogue
        let context = state.context
        let language = state.language
        // The sample badge never gives way (ProvenanceBadge); counts outlast the Futian mark.
        switch page {
        case .domains:
            let domain = catalogue.domains[index]
            let items = context.items(inDomain: domain.id).count
            let points = context.pointCountByDomain[domain.id] ?? 0
            // Counts padded to the widest of the list and never dropped (the name is cut instead),
            // so that they line up in columns on every row, at 40 columns too.
            let itemDigits = catalogue.domains.map { digits(context.items(inDomain: $0.id).count) }.max() ?? 1
            let pointDigits = catalogue.domains.map { digits(context.pointCountByDomain[$0.id] ?? 0) }.max() ?? 1
            let itemCount = padded(items, to: itemDigits), pointCount = padded(points, to: pointDigits)
            var tags = [SheetRow.Piece(text: language.pick("\(itemCount)项", "\(itemCount) items"), style: .dim, priority: SheetRow.Piece.kept),
                        SheetRow.Piece(text: language.pick("\(pointCount)点", "\(pointCount) pts"), style: .dim, priority: SheetRow.Piece.kept)]
            if let badge = ProvenanceBadge.piece(domain.provenance, language) { tags.insert(badge, at: 0) }
            return (language == .chinese || width < 40 ? domain.name : "\(domain.name) \(domain.nameEnglish)", tags)
        case .items(let d):
            let itemIndices = context.items(inDomain: d)
            let item = catalogue.items[itemIndices[index]]
            let pointDigits = itemIndices.map { digits(context.points(servingItem: catalogue.items[$0].id).count) }.max() ?? 1
            let pointCount = padded(context.points(servingItem: item.id).count, to: pointDigits)
            var tags: [SheetRow.Piece] = [SheetRow.Piece(text: language.pick("\(pointCount)点", "\(pointCount) pts"),
                                                         style: .dim, priority: 1)]
            if item.isFutianSpecific { tags.insert(SheetRow.Piece(text: language.pick("特色", "Futian"), style: .title), at: 0) }
            if let badge = ProvenanceBadge.piece(item.provenance, language) { tags.insert(badge, at: 0) }
            if state.starredRecords.contains(RecordReference(kind: .item, id: item.id)) { tags.append(state.starTag) }
            return (item.name, tags)
        case .points(let i):
            let point = catalogue.point(at: context.points(servingItem: i)[index])
            var tags: [SheetRow.Piece] = []
            if point.location == nil { tags.append(SheetRow.Piece(text: language.pick("无位置", "no location"), style: .dim, priority: 1)) }
            if let status = state.openStatusTag(point) { tags.append(status) }
            if let badge = ProvenanceBadge.piece(point.provenance, language) { tags.insert(badge, at: 0) }
            if state.starredRecords.contains(RecordReference(kind: .point, id: point.id)) { tags.append(state.starTag) }
            return (point.name, tags)
        default:
            return ("", [])
        }
    }

    private static func digits(_ n: Int) -> Int { String(n).count }

    /// `n` right-aligned in `width` columns.
    private static func padded(_ n: Int, to width: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
