import Catalogue

extension BrowserState {
    /// How many hits the name search asks for.
    static let findLimit = 200

    mutating func startFind() {
        if case .find = page { return }
        push(.find)
    }

    /// Runs the search for the field's text and groups the hits by kind, keeping their order.
    mutating func refreshFind() {
        let hits = context.search.search(findField.text, limit: Self.findLimit)
        var rows: [FindRow] = []
        // Groups come in the order of their best hit, so a ranked search keeps its ranking.
        var kinds: [RecordKind] = []
        for hit in hits where !kinds.contains(hit.kind) { kinds.append(hit.kind) }
        for kind in kinds {
            let group = hits.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            rows.append(.heading(kind, count: group.count))
            rows += group.map(FindRow.hit)
        }
        findRows = rows
        let first = rows.firstIndex(where: \.isHit) ?? 0
        var position = ListPosition()
        position.select(first, count: rows.count, visible: layout.visibleRows(for: .find))
        position.top = 0
        positions[Page.find.positionKey] = position
    }

    /// The nearest hit row from `index` in a direction, else the other way.
    func nearestHit(from index: Int, direction: Int) -> Int {
        guard !findRows.isEmpty else { return 0 }
        var i = max(0, min(index, findRows.count - 1))
        while findRows.indices.contains(i), !findRows[i].isHit { i += direction }
        if findRows.indices.contains(i) { return i }
        i = max(0, min(index, findRows.count - 1))
        while findRows.indices.contains(i), !findRows[i].isHit { i -= direction }
        return findRows.indices.contains(i) ? i : 0
    }

    /// Opens a found record where it lives in the browser, so Back walks up through its domain
    /// and item rather than back to the search.
    mutating func place(_ record: FoundRecord) {
        var path: [Page] = [.domains]
        func select(_ page: Page, _ index: Int?) {
            guard let index else { return }
            let shape = shape(of: page)
            positions[page.positionKey, default: ListPosition()].select(index, count: shape.count, visible: shape.visible)
        }
        func descend(toItem itemID: String) -> Bool {
            guard let item = catalogue.item(itemID) else { return false }
            select(.domains, catalogue.domains.firstIndex { $0.id == item.domainID })
            path.append(.items(domainID: item.domainID))
            select(.items(domainID: item.domainID),
                   context.items(inDomain: item.domainID).firstIndex { catalogue.items[$0].id == itemID })
            return true
        }
        switch record.kind {
        case .domain:
            select(.domains, catalogue.domains.firstIndex { $0.id == record.id })
            path.append(.items(domainID: record.id))
        case .item:
            if descend(toItem: record.id) { path.append(.item(record.id)) }
        case .point:
            guard let point = catalogue.point(record.id) else { return }
            if let itemID = point.itemIDs.first(where: { catalogue.item($0) != nil }), descend(toItem: itemID) {
                path.append(.points(itemID: itemID))
                select(.points(itemID: itemID),
                       context.points(servingItem: itemID).firstIndex { catalogue.point(at: $0).id == record.id })
            }
            path.append(.point(record.id))
        case .standard:
            guard let standard = catalogue.standard(record.id) else { return }
            let owner = standard.itemIDs.first { catalogue.item($0) != nil }
                ?? catalogue.items.first { $0.standardIDs.contains(record.id) }?.id
            if let owner, descend(toItem: owner) {
                let itemPage = Page.item(owner)
                path.append(itemPage)
                stack = path
                select(itemPage, sheetRows(itemPage).firstIndex { $0.link == .reader(standardID: record.id) })
            }
            path.append(.reader(standardID: record.id))
        }
        stack = path
        for page in stack.dropLast() { reveal(page) }
        prepare(page)
    }
}
