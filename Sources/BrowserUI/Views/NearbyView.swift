import Catalogue
import ChineseText
import Geodesy

/// Service points around "where I am", nearest first, with the per-domain summary; the origin,
/// its datum and the radius are always on the first lines.
enum NearbyView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let language = state.language
        let nearby = state.nearby
        let width = layout.width
        let top = layout.contentTop

        // Line 1: where I am and the datum it was read in.
        var used = screen.put(language.pick("位置 ", "From "), row: top, column: 1, style: .title)
        let origin: String
        if let location = nearby.location {
            switch location.source {
            case .coordinates: origin = language == .chinese ? location.chineseLabel : location.englishLabel
            case .place(let place):
                origin = language.pick("\(place.name)（\(place.kind.chineseName)）", "\(place.name) (\(place.kind.englishName))")
            }
        } else {
            origin = language.pick("未设置（按 o）", "not set (press o)")
        }
        let datumLabel = width >= 60 ? language.pick(" · 坐标系 ", " · datum ") : " · "
        let datum = nearby.location.map { datumLabel + $0.datumRead.rawValue } ?? ""
        let datumWidth = DisplayWidth.of(datum, ambiguousWide: screen.ambiguousWide)
        used += screen.putStyled(origin, row: top, column: 1 + used, columns: max(0, width - 2 - used - datumWidth),
                                 style: .normal, ellipsis: borders.ellipsis)
        screen.put(datum, row: top, column: 1 + used, style: .dim, maxColumns: max(0, width - 2 - used))

        // Line 2: radius, filter, count.
        used = screen.put(language.pick("范围 ", "Within "), row: top + 1, column: 1, style: .title)
        used += screen.put(language.pick("\(nearby.radiusMetres) 米", "\(nearby.radiusMetres) m"), row: top + 1,
                           column: 1 + used, style: .normal)
        var second = language.pick(" · 筛选 ", " · filter ") + filterName(state)
        if let result = nearby.result {
            second += language.pick(" · \(result.totalWithinRadius) 个在范围内", " · \(result.totalWithinRadius) inside")
        }
        screen.putStyled(second, row: top + 1, column: 1 + used, columns: max(0, width - 2 - used), style: .normal,
                         ellipsis: borders.ellipsis)

        // Line 3: the problem, or which domains have nothing within reach.
        if let problem = nearby.problem {
            screen.putStyled(problem, row: top + 2, column: 1, columns: width - 2, style: .warning, ellipsis: borders.ellipsis)
        } else if let result = nearby.result {
            let empty = result.domainsWithNothing(withinMetres: Double(nearby.radiusMetres)) ?? []
            let metres = nearby.radiusMetres
            let text: String
            if !empty.isEmpty {
                text = language.pick("\(metres) 米内没有：", "Nothing within \(metres) m: ") + empty.map(\.name).joined(separator: "、")
            } else if nearby.filter == .none {
                text = language.pick("每个领域在 \(metres) 米内都有服务点", "Every domain has a point within \(metres) m")
            } else {
                text = language.pick("\(metres) 米内有符合筛选的服务点", "Matching points within \(metres) m")
            }
            screen.putStyled(text, row: top + 2, column: 1, columns: width - 2, style: empty.isEmpty ? .dim : .warning,
                             ellipsis: borders.ellipsis)
        }

        let position = state.positions[Page.nearby.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: .nearby)
        let firstRow = layout.firstRow(for: .nearby)
        let radii = nearby.result?.summaryRadiiMetres ?? []
        for index in Layout.rows(from: position.top, count: nearby.lines.count, visible: visible) {
            let row = firstRow + index - position.top
            let selected = index == position.cursor
            let style: Style = selected ? .selected : .normal
            screen.fill(row: row, column: 0, height: 1, width: width, style: style)
            switch nearby.lines[index] {
            case .hit(let hit):
                let prefix = hitPrefix(hit, language: language, ambiguousWide: screen.ambiguousWide)
                let used = screen.put(prefix, row: row, column: 1, style: selected ? .selected : .dim)
                screen.putRow(hit.point.name, row: row, column: 1 + used, columns: max(0, width - 2 - used), style: style,
                              tags: tags(for: hit.point, state: state), ellipsis: borders.ellipsis)
            case .unlocated(let point):
                let used = screen.put(language.pick("  位置未知 ", "  no location "), row: row, column: 1,
                                      style: selected ? .selected : .dim)
                screen.putRow(point.name, row: row, column: 1 + used, columns: max(0, width - 2 - used), style: style,
                              tags: tags(for: point, state: state), ellipsis: borders.ellipsis)
            case .notice(let text):
                screen.putStyled(text, row: row, column: 1, columns: width - 2, style: selected ? .selected : .warning,
                                 ellipsis: borders.ellipsis)
            case .heading(let text):
                screen.putStyled(text, row: row, column: 1, columns: width - 2, style: selected ? .selected : .title,
                                 ellipsis: borders.ellipsis)
            case .summaryHeading(let text):
                let columns = radii.map { radius -> String in
                    let label = "\(Int(radius))"
                    return Int(radius) == nearby.radiusMetres ? DisplayWidth.pad("[\(label)]", to: 7, alignRight: true)
                        : DisplayWidth.pad(label, to: 6, alignRight: true) + " "
                }.joined()
                screen.putStyled(text, row: row, column: 1, columns: max(0, width - 2 - columns.count), style: selected ? .selected : .title,
                                 ellipsis: borders.ellipsis)
                if columns.count + 2 <= width {
                    screen.put(columns, row: row, column: width - 1 - columns.count, style: selected ? .selected : .title)
                }
            case .domainCount(let count):
                let numbers = count.counts.map { n in
                    DisplayWidth.pad(n == 0 ? "-" : "\(n)", to: 6, alignRight: true) + " "
                }.joined()
                screen.putStyled("  " + count.domain.name, row: row, column: 1, columns: max(0, width - 2 - numbers.count),
                                 style: style, ellipsis: borders.ellipsis)
                if numbers.count + 2 <= width {
                    screen.put(numbers, row: row, column: width - 1 - numbers.count, style: style)
                }
            case .blank:
                break
            }
        }
    }

    /// "  120 m 东北  2分 " — distance, compass direction and estimated walk, aligned.
    static func hitPrefix(_ hit: NearbyHit, language: InterfaceLanguage, ambiguousWide: Bool) -> String {
        let metres = "\(Int(hit.distanceMetres.rounded())) m"
        let direction = language == .chinese ? hit.compass.chineseName : hit.compass.abbreviation
        let walk = language.pick("\(hit.walkingMinutes)分", "\(hit.walkingMinutes)min")
        return DisplayWidth.pad(metres, to: 6, alignRight: true, ambiguousWide: ambiguousWide) + " "
            + DisplayWidth.pad(direction, to: language == .chinese ? 4 : 2, ambiguousWide: ambiguousWide) + " "
            + DisplayWidth.pad(walk, to: language == .chinese ? 4 : 5, alignRight: true, ambiguousWide: ambiguousWide) + " "
    }

    static func tags(for point: ServicePoint, state: BrowserState) -> [SheetRow.Piece] {
        var tags: [SheetRow.Piece] = []
        if let badge = ProvenanceBadge.piece(point.provenance, state.language) { tags.append(badge) }
        if let type = state.catalogue.pointType(point.typeID) {
            tags.append(SheetRow.Piece(text: state.language == .chinese ? type.name : type.nameEnglish, style: .dim))
        }
        if let status = state.openStatusTag(point) { tags.append(status) }
        if state.starredRecords.contains(RecordReference(kind: .point, id: point.id)) { tags.append(state.starTag) }
        return tags
    }

    static func filterName(_ state: BrowserState) -> String {
        let catalogue = state.catalogue
        switch state.nearby.filter {
        case .none: return state.language.pick("全部", "none")
        case .domain(let id): return catalogue.domain(id)?.name ?? id
        case .item(let id): return catalogue.item(id)?.name ?? id
        case .pointType(let id): return catalogue.pointType(id)?.name ?? id
        }
    }
}
