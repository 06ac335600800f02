import Catalogue
import ChineseText
import Geodesy

extension BrowserState {
    // MARK: Favourites

    /// The starred records.
    var starredRecords: Set<RecordReference> { starred }

    /// The record the star key acts on: the page's own, or the selected row's.
    func recordForStar() -> RecordReference? {
        let cursor = positions[page.positionKey]?.cursor ?? 0
        switch page {
        case .item(let id): return RecordReference(kind: .item, id: id)
        case .point(let id): return RecordReference(kind: .point, id: id)
        case .reader(let id), .contents(let id): return RecordReference(kind: .standard, id: id)
        case .items(let domainID):
            let items = context.items(inDomain: domainID)
            return items.indices.contains(cursor) ? RecordReference(kind: .item, id: catalogue.items[items[cursor]].id) : nil
        case .points(let itemID):
            let points = context.points(servingItem: itemID)
            return points.indices.contains(cursor) ? RecordReference(kind: .point, id: catalogue.point(at: points[cursor]).id) : nil
        case .nearby:
            guard nearby.lines.indices.contains(cursor), let id = nearby.lines[cursor].pointID else { return nil }
            return RecordReference(kind: .point, id: id)
        case .favourites, .history:
            let rows = sheetRows(page)
            guard rows.indices.contains(cursor), let link = rows[cursor].link else { return nil }
            return Self.record(of: link)
        default:
            return nil
        }
    }

    /// The record a page shows, for the history.
    static func record(of page: Page) -> RecordReference? {
        switch page {
        case .item(let id): return RecordReference(kind: .item, id: id)
        case .point(let id): return RecordReference(kind: .point, id: id)
        case .reader(let id): return RecordReference(kind: .standard, id: id)
        default: return nil
        }
    }

    mutating func toggleStar() {
        guard let record = recordForStar() else {
            message = language.pick("这里没有可收藏的事项、服务点或标准", "Nothing to star here (items, points and texts can be starred)")
            return
        }
        var set = starredRecords
        let starring = !set.contains(record)
        do {
            try context.userState.setFavourite(record, starring, at: context.now())
        } catch {
            message = language.pick(error.chinese, error.english)
            return
        }
        if starring { set.insert(record) } else { set.remove(record) }
        starred = set
        let title = record.title(in: catalogue) ?? record.id
        message = starring ? language.pick("已收藏：\(title)（F 查看收藏）", "Starred: \(title) (F shows favourites)")
            : language.pick("已取消收藏：\(title)", "Unstarred: \(title)")
        if case .favourites = page { reveal(page) }
    }

    /// The ★ tag of a starred row; it never gives way.
    var starTag: SheetRow.Piece { SheetRow.Piece(text: options.asciiBorders ? "*" : "★", style: .warning, priority: 9) }

    /// 开放中 / 即将关闭 / 已关闭 for a point row, nil when its hours are missing or unreadable.
    func openStatusTag(_ point: ServicePoint) -> SheetRow.Piece? {
        let status = OpeningHours.status(of: point.hours, at: context.shenzhenTime)
        guard let label = status.label(language) else { return nil }
        return SheetRow.Piece(text: label, style: status.style, priority: 2)
    }

    // MARK: History

    /// Notes in the history that a record page was opened.
    mutating func noteOpened(_ page: Page) {
        guard let record = Self.record(of: page) else { return }
        do {
            try context.userState.recordOpened(record, at: context.now())
        } catch {
            message = language.pick(error.chinese, error.english)
        }
    }

    mutating func showRecords(_ target: Page) {
        if let index = stack.lastIndex(of: target) {
            stack.removeSubrange(index...)
        }
        push(target)
        positions[target.positionKey, default: ListPosition()].select(0, count: shape(of: target).count,
                                                                       visible: layout.visibleRows(for: target))
    }

    // MARK: Reading positions

    /// Saves where the reader is, so the text opens there next time, even after a crash.
    mutating func rememberReadingPosition() {
        guard case .reader(let id) = page, let anchor = readerAnchors[id] else { return }
        do {
            try context.userState.save(ReadingPosition(standardID: id, sourceLine: anchor.source, offset: anchor.offset))
        } catch {
            message = language.pick(error.chinese, error.english)
        }
    }

    // MARK: Saved places

    mutating func startSavingPlace() {
        guard case .nearby = page, let location = nearby.location else {
            message = language.pick("先按 o 设置位置，再按 s 保存", "Set where you are (o) first, then save it (s)")
            return
        }
        var suggestion = ""
        if case .place(let place) = location.source, place.kind == .savedPlace { suggestion = place.name }
        prompt = Prompt(purpose: .placeName, field: TextField(suggestion))
        message = language.pick("为这个位置起个名字（如 家、公司），回车保存", "Name this place (home, work) and press Enter")
    }

    mutating func savePlace(named text: String) {
        guard let location = nearby.location else { return }
        let name = SavedPlace.name(from: text)
        if let problem = SavedPlace.problem(withName: name) {
            message = language.pick("无法保存：\(problem.chinese)", "Cannot save: \(problem.english)")
            return
        }
        let replaced = context.userState.savedPlaces().contains { $0.name == name }
        let from = language == .chinese ? location.chineseLabel : location.englishLabel
        do {
            try context.userState.save(SavedPlace(name: name, location: location.origin, datumRead: location.datumRead,
                                                  coordinateRead: location.coordinateRead, savedFrom: from))
        } catch {
            message = language.pick(error.chinese, error.english)
            return
        }
        message = replaced ? language.pick("已更新“\(name)”", "Updated “\(name)”")
            : language.pick("已保存“\(name)”：按 o 可在最前面选到它", "Saved “\(name)”: it is listed first under o")
    }

    // MARK: Copying

    /// Queues the point's address or coordinates for the terminal's clipboard.
    mutating func copyPoint(coordinatesOnly: Bool) {
        guard case .point(let id) = page, let point = catalogue.point(id) else { return }
        let coordinates = point.location.map { "\(DecimalText.fixed($0.latitude, digits: 6)),\(DecimalText.fixed($0.longitude, digits: 6))" }
        let text: String?
        let what: (String, String)
        if !coordinatesOnly, let address = point.address, !address.isEmpty {
            text = address
            what = ("地址", "address")
        } else {
            text = coordinates
            what = ("坐标（WGS-84）", "coordinates (WGS-84)")
        }
        guard let text else {
            message = language.pick("这个服务点没有地址或坐标可复制", "This point has no address or coordinates to copy")
            return
        }
        clipboard = text
        message = language.pick("已请终端复制\(what.0)（OSC 52）；终端可能忽略此请求，那时请用鼠标选取",
                                "Asked the terminal to copy the \(what.1) (OSC 52); it may ignore this, then select it with the mouse")
    }

    /// Text to hand to the terminal's clipboard, once.
    public mutating func takeClipboard() -> String? {
        defer { clipboard = nil }
        return clipboard
    }
}
