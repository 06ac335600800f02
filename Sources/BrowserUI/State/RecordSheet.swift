import Catalogue
import ChineseText

/// Builds the rows of the item and point details pages for a width: labelled fields whose values
/// wrap, and link rows to the records they lead to.
struct RecordSheet {
    let context: BrowserContext
    let columns: Int
    let language: InterfaceLanguage
    let ambiguousWide: Bool
    /// Use ASCII marks instead of symbols.
    let ascii: Bool
    /// The records the user starred.
    var starred: Set<RecordReference> = []

    private var linkMark: String { ascii ? "> " : "▸ " }

    private var catalogue: ServiceCatalogue { context.catalogue }
    private var labelColumns: Int {
        switch language {
        case .chinese: columns >= 36 ? 14 : 0
        case .english: columns >= 48 ? 17 : 0
        }
    }

    /// The rows of a page, or nil when the page is not a details page.
    func rows(for page: Page) -> [SheetRow] {
        switch page {
        case .item(let id): itemRows(id)
        case .point(let id): pointRows(id)
        case .favourites: recordRows(context.userState.favourites(), empty: pick(
            "还没有收藏。在事项、服务点或标准上按 * 收藏，它们会列在这里。", "No favourites yet. Press * on an item, point or text to list it here."))
        case .history: recordRows(context.userState.history(), empty: pick(
            "还没有历史记录。打开的事项、服务点和标准会列在这里（最近 \(UserStateLimits.history) 个）。",
            "No history yet. Items, points and texts you open are listed here (the last \(UserStateLimits.history))."))
        default: []
        }
    }

    private func pick(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    /// The sample badge every sample record carries, so it never depends on colour.
    func sampleBadge() -> SheetRow.Piece { SheetRow.Piece(text: pick(" [样例]", " [sample]"), style: .warning) }
    /// A record imported from the district's own files.
    func officialBadge() -> SheetRow.Piece { SheetRow.Piece(text: pick(" [官方]", " [official]"), style: .title) }

    private func field(_ label: String, _ value: String?, style: Style = .normal,
                       missing: String? = nil) -> [SheetRow] {
        let shown = value.flatMap { $0.isEmpty ? nil : $0 }
        guard let text = shown ?? missing else { return [] }
        let valueStyle: Style = shown == nil ? .dim : style
        let characters = Array(Sanitiser.line(text))
        var rows: [SheetRow] = []
        if labelColumns > 0 {
            let ranges = LineBreaker.wrap(characters, columns: max(1, columns - labelColumns), ambiguousWide: ambiguousWide)
            for (n, range) in ranges.enumerated() {
                let value = SheetRow.Piece(text: String(characters[range]), style: valueStyle)
                if n == 0 {
                    let labelText = DisplayWidth.pad(label, to: labelColumns, ambiguousWide: ambiguousWide)
                    rows.append(SheetRow([SheetRow.Piece(text: labelText, style: .dim), value]))
                } else {
                    rows.append(SheetRow([value], indent: labelColumns))
                }
            }
        } else {
            rows.append(SheetRow(label, style: .dim))
            for range in LineBreaker.wrap(characters, columns: max(1, columns - 2), ambiguousWide: ambiguousWide) {
                rows.append(SheetRow(String(characters[range]), style: valueStyle, indent: 2))
            }
        }
        return rows
    }

    private func heading(_ text: String) -> [SheetRow] { [SheetRow(""), SheetRow(text, style: .title)] }

    /// ★ (or * in ASCII) for a starred record.
    var starMark: String { ascii ? "*" : "★" }

    private func starPiece(_ record: RecordReference) -> [SheetRow.Piece] {
        starred.contains(record) ? [SheetRow.Piece(text: " " + starMark, style: .warning)] : []
    }

    private func title(_ name: String, provenance: Provenance, extra: [SheetRow.Piece] = []) -> [SheetRow] {
        var pieces = [SheetRow.Piece(text: name, style: .title)] + extra
        if provenance.isSample { pieces.append(sampleBadge()) }
        if provenance.isOfficial { pieces.append(officialBadge()) }
        return [SheetRow(pieces)]
    }

    private func provenanceText(_ provenance: Provenance) -> (String, Style) {
        switch provenance {
        case .sample:
            return (pick("样例数据（生成的示例记录，非真实信息）", "Sample data (generated, not a real record)"), .warning)
        case .reference(let sourceID):
            guard let source = catalogue.source(sourceID) else { return (sourceID, .normal) }
            return (pick("\(source.title)（\(source.origin)，快照 \(source.snapshot)）",
                         "\(source.title) (\(source.origin), snapshot \(source.snapshot))"), .normal)
        case .official(let sourceID):
            guard let source = catalogue.source(sourceID) else { return (pick("官方数据：", "Official data: ") + sourceID, .normal) }
            return (pick("官方数据：\(source.title)（\(source.origin)，快照 \(source.snapshot)）",
                         "Official data: \(source.title) (\(source.origin), snapshot \(source.snapshot))"), .normal)
        }
    }

    private func itemRows(_ id: String) -> [SheetRow] {
        guard let item = catalogue.item(id) else { return [SheetRow(pick("找不到该事项", "No such item"), style: .warning)] }
        var rows = title(item.name, provenance: item.provenance,
                         extra: (item.isFutianSpecific ? [SheetRow.Piece(text: pick(" [福田特色]", " [Futian]"), style: .title)] : [])
                            + starPiece(RecordReference(kind: .item, id: id)))
        if let domain = catalogue.domain(item.domainID) {
            rows += field(pick("领域", "Domain"), language == .chinese ? domain.name : "\(domain.name) \(domain.nameEnglish)")
        }
        rows += field(pick("类别", "Category"), item.category)
        rows += field(pick("福田特色", "Futian-specific"), item.isFutianSpecific ? pick("是（福田区特色事项）", "yes (a Futian item)") : pick("否", "no"))
        rows += field(pick("服务对象", "Recipients"), item.recipients, missing: pick("未载明", "not stated"))
        rows += field(pick("服务内容", "Content"), item.content, missing: pick("未载明", "not stated"))
        rows += field(pick("服务标准", "Standard"), item.standard, missing: pick("未载明", "not stated"))
        rows += field(pick("支出责任", "Funding"), item.funding, missing: pick("未载明", "not stated"))
        rows += field(pick("牵头负责单位", "Lead department"), item.lead, missing: pick("未载明", "not stated"))
        let types = item.pointTypeIDs.map { catalogue.pointType($0)?.name ?? $0 }.joined(separator: "、")
        rows += field(pick("服务点类型", "Point types"), types, missing: pick("无", "none"))
        let (source, sourceStyle) = provenanceText(item.provenance)
        rows += field(pick("来源", "Source"), source, style: sourceStyle)

        let standards = catalogue.standards(forItem: id)
        rows += heading(pick("标准与指南（\(standards.count)）", "Standards and guides (\(standards.count))"))
        if standards.isEmpty { rows.append(SheetRow(pick("  无", "  none"), style: .dim)) }
        for standard in standards {
            let kind = standard.kind == .guide ? pick("指南", "guide") : pick("标准", "standard")
            var pieces = [SheetRow.Piece(text: linkMark, style: .normal),
                          SheetRow.Piece(text: standard.title, style: .normal),
                          SheetRow.Piece(text: "  \(kind) \(standard.code)", style: .dim)]
            if standard.provenance.isSample { pieces.append(sampleBadge()) }
            if standard.provenance.isOfficial { pieces.append(officialBadge()) }
            rows.append(SheetRow(pieces, indent: 2, link: .reader(standardID: standard.id)))
        }
        let pointCount = context.points(servingItem: id).count
        rows += heading(pick("服务点", "Service points"))
        rows.append(SheetRow([SheetRow.Piece(text: linkMark, style: .normal),
                              SheetRow.Piece(text: pick("查看 \(pointCount) 个服务点", "Show \(pointCount) service points"),
                                             style: .normal)],
                             indent: 2, link: pointCount > 0 ? .points(itemID: id) : nil))
        return rows
    }

    /// The hours as written, then whether the place is open now by them.
    private func hoursText(_ hours: String?) -> String? {
        guard let hours else { return nil }
        let status = OpeningHours.status(of: hours, at: context.shenzhenTime)
        switch status {
        case .closingSoon(let left): return hours + pick(" · 即将关闭（\(left) 分钟后）", " · closing soon (in \(left) min)")
        case .unknown: return hours + pick(" · 无法判断是否开放", " · cannot tell if open")
        default: return hours + " · " + (language == .chinese ? status.chineseLabel ?? "" : status.englishLabel ?? "")
        }
    }

    /// The map and phone links, each a label line and the URL as text (wrapped, never cut).
    private func linkRows(_ point: ServicePoint) -> [SheetRow] {
        let links = PointLinks.links(for: point)
        guard !links.isEmpty else { return [] }
        var rows = heading(pick("链接（y 复制地址，Y 复制坐标）", "Links (y copies the address, Y the coordinates)"))
        for link in links {
            rows.append(SheetRow(pick(link.kind.chineseName, link.kind.englishName), style: .dim, indent: 2))
            let characters = Array(link.url)
            for range in LineBreaker.wrap(characters, columns: max(1, columns - 4), ambiguousWide: ambiguousWide) {
                var row = SheetRow(String(characters[range]), indent: 4)
                row.hyperlink = link.url
                rows.append(row)
            }
        }
        return rows
    }

    /// The favourites or history list: one row per record, opening it.
    private func recordRows(_ entries: [UserRecordEntry], empty: String) -> [SheetRow] {
        guard !entries.isEmpty else { return [SheetRow(empty, style: .dim, indent: 1)] }
        return entries.map { entry in
            let record = entry.record
            let kind: String
            let link: Page
            switch record.kind {
            case .item: kind = pick("事项", "item"); link = .item(record.id)
            case .point: kind = pick("服务点", "point"); link = .point(record.id)
            case .standard: kind = pick("标准", "text"); link = .reader(standardID: record.id)
            }
            guard let title = record.title(in: catalogue) else {
                return SheetRow([SheetRow.Piece(text: "  ", style: .normal),
                                 SheetRow.Piece(text: record.id + pick("（目录中已没有）", " (no longer in the catalogue)"), style: .dim)],
                                indent: 1)
            }
            var pieces = [SheetRow.Piece(text: linkMark, style: .normal), SheetRow.Piece(text: title, style: .normal),
                          SheetRow.Piece(text: "  " + kind, style: .dim)]
            pieces += starPiece(record)
            if record.kind == .point, let status = OpeningHours.status(of: catalogue.point(record.id)?.hours, at: context.shenzhenTime)
                .label(language) {
                pieces.append(SheetRow.Piece(text: "  " + status, style: .dim))
            }
            return SheetRow(pieces, indent: 1, link: link)
        }
    }

    private func pointRows(_ id: String) -> [SheetRow] {
        guard let point = catalogue.point(id) else { return [SheetRow(pick("找不到该服务点", "No such point"), style: .warning)] }
        var rows = title(point.name, provenance: point.provenance, extra: starPiece(RecordReference(kind: .point, id: id)))
        let notGiven = pick("未提供", "not given")
        rows += field(pick("类型", "Type"), catalogue.pointType(point.typeID)?.name ?? point.typeID)
        rows += field(pick("地址", "Address"), point.address, missing: notGiven)
        rows += field(pick("电话", "Phone"), point.phone, missing: notGiven)
        rows += field(pick("开放时间", "Hours"), hoursText(point.hours), missing: notGiven)
        // Where the record comes from, right after what a visit needs (address, phone, hours),
        // so that it starts on the first screen even at 40x12: a resident should know at once
        // whether the district, a public source or a generated sample says so, without a long
        // citation pushing the address off the screen.
        let (source, sourceStyle) = provenanceText(point.provenance)
        rows += field(pick("来源", "Source"), source, style: sourceStyle)
        let subdistrict = point.subdistrictCode.map { catalogue.subdistrict($0)?.name ?? $0 }
        rows += field(pick("街道", "Subdistrict"), subdistrict, missing: notGiven)
        rows += field(pick("社区", "Community"), point.community, missing: notGiven)
        if let location = point.location {
            var text = "\(DecimalText.fixed(location.latitude, digits: 6)), \(DecimalText.fixed(location.longitude, digits: 6)) WGS-84"
            if let datum = point.sourceDatum, datum != .wgs84, let original = point.sourceCoordinate {
                text += pick("（源坐标 \(datum.rawValue) ", " (source \(datum.rawValue) ")
                    + "\(DecimalText.fixed(original.latitude, digits: 6)), \(DecimalText.fixed(original.longitude, digits: 6))"
                    + pick("）", ")")
            }
            rows += field(pick("位置", "Location"), text)
        } else {
            rows += field(pick("位置", "Location"), pick("位置未知", "location unknown"), style: .warning)
        }
        rows += field(pick("备注", "Note"), point.note)
        rows += heading(pick("提供的服务事项（\(point.itemIDs.count)）", "Items provided here (\(point.itemIDs.count))"))
        for itemID in point.itemIDs {
            let name = catalogue.item(itemID)?.name ?? itemID
            rows.append(SheetRow([SheetRow.Piece(text: linkMark, style: .normal), SheetRow.Piece(text: name, style: .normal)],
                                 indent: 2, link: .item(itemID)))
        }
        rows += linkRows(point)
        return rows
    }
}
