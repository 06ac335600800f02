import ArgumentParser
import Catalogue
import ChineseText
import CatalogueStore
import Foundation
import Geodesy

struct NearbyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearby",
        abstract: "List service points within 500, 1000, 1500 m (or any radius) of a place, nearest first.",
        discussion: """
        LOCATION is coordinates (22.5431,114.0579: latitude first; --lng-lat for longitude first), a metro \
        station (市民中心, or in pinyin: shiminzhongxin, smzx), a service point (id or name) or a subdistrict (福田街道). Coordinates are read in \
        --datum: wgs84 (GPS, default), gcj02 (Amap, Tencent, WeChat) or bd09 (Baidu), and converted to WGS-84. \
        Distances are straight-line on the WGS-84 ellipsoid. \(WalkingEstimate.assumptionsEnglish)
        """
    )

    /// Output formats of `nearby`: the listing formats plus GeoJSON.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, geojson
    }

    @OptionGroup var options: CatalogueOptions
    @Option(help: ArgumentHelp("Where to look from: coordinates, metro station, service point or subdistrict.", valueName: "location"))
    var at: String
    @Option(help: ArgumentHelp("Datum of coordinates given with --at: wgs84, gcj02 or bd09.", valueName: "datum"),
            completion: .list(["wgs84", "gcj02", "bd09"]))
    var datum: String = "wgs84"
    @Flag(name: .customLong("lng-lat"), help: "Coordinates are longitude first (114.0579,22.5431).")
    var longitudeFirst = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Radius in metres: 500, 1000 (default), 1500 or any value from 1 to 50000.", valueName: "metres"))
    var radius: Double?
    @Option(help: "Only points of this domain (id such as D4, or name such as 病有良医).", completion: CatalogueCompletion.domains) var domain: String?
    @Option(help: "Only points that provide this item (id or exact name).", completion: CatalogueCompletion.items) var item: String?
    @Option(help: "Only points of this type (id such as shekang, or name such as 社康中心).", completion: CatalogueCompletion.pointTypes) var type: String?
    @Option(help: "Only points in this subdistrict (code, 福田街道, 福田 or futian).", completion: CatalogueCompletion.subdistricts) var subdistrict: String?
    @Option(help: "List at most this many points (counts still cover all).") var limit: Int?
    @Option(help: "Output format: table, json, csv or geojson.") var format: Format = .table
    @Flag(name: .customLong("open-now"), help: "Only points open now (or at --now) by their published hours; unreadable hours never count as open.")
    var openNow = false
    @OptionGroup var clock: ClockOptions

    /// Vertices of the circle drawn in GeoJSON output.
    static let circleVertices = 72
    /// Unlocated points listed by name in table output; JSON lists all of them.
    static let unlocatedListed = 5

    /// Resolves a location: saved places by their exact name first, then the catalogue by its
    /// text; only when nothing matches does it try pinyin, with the place-name keys compiled into
    /// the catalogue (`places`, read on demand). Coordinates are read latitude first unless
    /// `longitudeFirst`; without it, coordinates that only fit Shenzhen the other way round are
    /// read that way (and the answer says so).
    static func resolve(_ text: String, datum: Datum, longitudeFirst: Bool, in catalogue: ServiceCatalogue,
                        savedPlaces: [SavedPlace], places: () -> PlaceNameTable) throws(NearbyError) -> ResolvedLocation {
        let order: CoordinateOrder = longitudeFirst ? .longitudeFirst : .latitudeFirst
        // Text that reads like coordinates can only be a place whose key reads like them too, so
        // the resolver needs only those points (a catalogue keeps their positions): a script's
        // `--at 22.54,114.05` keys no point name of a large catalogue. Any other answer than the
        // coordinates is looked up again among every place.
        if let narrowed = pointsThatCouldShadowCoordinates(text, in: catalogue),
           let coordinates = try? LocationResolver(catalogue: narrowed, savedPlaces: savedPlaces)
               .resolve(text, datum: datum, order: order, detectOrder: !longitudeFirst),
           case .coordinates = coordinates.source {
            return coordinates
        }
        let resolver = LocationResolver(catalogue: catalogue, savedPlaces: savedPlaces)
        do {
            return try resolver.resolve(text, datum: datum, order: order, detectOrder: !longitudeFirst)
        } catch .noPlaceMatches(let name) where name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) {
            // The same places, not keyed again; only the pinyin matcher is added.
            return try resolver.with(alternativeMatch: LocationResolver.pinyinMatch(places: places()))
                .resolve(text, datum: datum, order: order, detectOrder: !longitudeFirst)
        }
    }

    /// `catalogue` with only the points that could stand for `text`, when `text` (and its key)
    /// reads like coordinates; nil otherwise.
    static func pointsThatCouldShadowCoordinates(_ text: String, in catalogue: ServiceCatalogue) -> ServiceCatalogue? {
        guard CoordinateParser.looksLikeCoordinates(text), CoordinateParser.looksLikeCoordinates(LocationResolver.placeKey(text)) else {
            return nil
        }
        var narrowed = catalogue
        narrowed.points = catalogue.pointIndicesKeyedLikeCoordinates().map(catalogue.point(at:))
        return narrowed
    }

    func run() throws {
        let lang = options.lang
        guard let readDatum = Datum(loose: datum) else {
            throw CLIError.usage(lang.pick("未知坐标系“\(datum)”；可用：wgs84、gcj02、bd09",
                                           "unknown datum \"\(datum)\"; use wgs84, gcj02 or bd09"))
        }
        let seconds = try clock.unixSeconds(lang: lang)
        let opened = try options.open()
        let catalogue = opened.catalogue
        let result: NearbyResult
        let location: ResolvedLocation
        let places = StoredPlaceNames(opened)
        do {
            location = try Self.resolve(at, datum: readDatum, longitudeFirst: longitudeFirst, in: catalogue,
                                        savedPlaces: StateAccess.savedPlaces(lang: lang), places: places.table)
            let query = try NearbyQuery(origin: location.origin, radiusMetres: radius ?? 1000, domain: domain, item: item,
                                        pointType: type, subdistrict: subdistrict, limit: openNow ? nil : limit, in: catalogue)
            result = NearbyIndex(catalogue: catalogue).query(query)
        } catch {
            try places.throwDamage()   // not "no place matches": FuwuMain rebuilds and runs the command again
            throw CLIError(error, lang: lang)
        }
        try places.throwDamage()
        let output = Output(catalogue: catalogue, lang: lang, location: location, result: result, input: at,
                            timeSeconds: seconds, openNowOnly: openNow, limit: limit)
        switch format {
        // The summary lines name domains and points: sanitised like every table cell.
        case .table: print(Sanitiser.text(output.table()))
        case .json: print(output.json().rendered())
        case .csv: print(output.hitTable(forCSV: true).csv())
        case .geojson: print(output.geoJSON().rendered())
        }
    }
}

extension NearbyCommand {
    /// The renderings of one nearby answer.
    struct Output {
        let catalogue: ServiceCatalogue
        let lang: Language
        let location: ResolvedLocation
        let result: NearbyResult
        let input: String
        let hits: [NearbyHit]
        /// The moment open-now is judged at.
        let time: ShenzhenTime
        /// The same moment as Unix seconds.
        let timeSeconds: Int64
        /// The limit asked for (applied after the open-now filter).
        let limit: Int?
        /// Only points open at `time` are listed.
        let openNowOnly: Bool

        init(catalogue: ServiceCatalogue, lang: Language, location: ResolvedLocation, result: NearbyResult, input: String,
             timeSeconds: Int64, openNowOnly: Bool = false, limit: Int? = nil) {
            self.catalogue = catalogue
            self.lang = lang
            self.location = location
            self.result = result
            self.input = input
            self.timeSeconds = timeSeconds
            self.time = ShenzhenTime(unixSeconds: timeSeconds)
            self.limit = limit
            self.openNowOnly = openNowOnly
            var hits = result.hits
            if openNowOnly {
                let moment = ShenzhenTime(unixSeconds: timeSeconds)
                hits = hits.filter { OpeningHours.status(of: $0.point.hours, at: moment).isOpen }
                if let limit { hits = Array(hits.prefix(limit)) }
            }
            self.hits = hits
        }

        /// Points listed as open now among all within the radius (before any limit).
        var openCount: Int { result.hits.filter { OpeningHours.status(of: $0.point.hours, at: time).isOpen }.count }

        var wording: Wording { Wording(catalogue: catalogue, lang: lang) }

        static func metres(_ value: Double) -> String { String(Int(value.rounded())) }

        func compass(_ hit: NearbyHit) -> String {
            let name = lang == .zh ? hit.compass.chineseName : hit.compass.abbreviation
            return "\(name) \(Int(hit.bearingDegrees.rounded()) % 360)°"
        }

        func domainName(_ id: String?) -> String { id.map { wording.domainName($0) } ?? "" }

        // MARK: Table

        func table() -> String {
            var header = FieldList()
            header.add(lang.pick("位置", "location"), lang.pick(location.chineseLabel, location.englishLabel))
            let wgs = ResolvedLocation.format(location.origin)
            switch location.source {
            case .coordinates:
                let read = lang.pick("按 \(location.datumRead.rawValue) 读取", "read as \(location.datumRead.rawValue)")
                header.add(lang.pick("坐标系", "datum"), location.datumRead == .wgs84
                    ? "\(read)" : "\(read) → WGS-84 \(wgs)")
            case .place(let place) where place.kind == .savedPlace:
                header.add(lang.pick("坐标系", "datum"), lang.pick("WGS-84（保存的地点，原按 \(location.datumRead.rawValue) 读取）\(wgs)",
                                                                "WGS-84 (saved place, read as \(location.datumRead.rawValue)) \(wgs)"))
            case .place:
                header.add(lang.pick("坐标系", "datum"), lang.pick("WGS-84（目录坐标）\(wgs)", "WGS-84 (catalogue) \(wgs)"))
            }
            if let (community, subdistrict) = location.communityStandIn {
                header.add(lang.pick("代表点", "stands for"), lang.pick("\(community)没有自己的坐标，以所属\(subdistrict)的中心点代替",
                                                                     "\(community) has no coordinates of its own; the centre of \(subdistrict) stands in for it"))
            }
            if let note = location.note { header.add(lang.pick("说明", "note"), note) }
            if let reading = lang == .zh ? location.readingNoteChinese : location.readingNoteEnglish {
                header.add(lang.pick("读取", "read"), reading)
            }
            if !location.alsoMatched.isEmpty {
                header.add(lang.pick("也匹配", "also matches"),
                           location.alsoMatched.map { lang.pick($0.chineseLabel, $0.englishLabel) }.joined(separator: lang.pick("；", "; ")))
            }
            header.add(lang.pick("半径", "radius"), lang.pick("\(Self.metres(result.query.radiusMetres)) 米（直线距离）",
                                                            "\(Self.metres(result.query.radiusMetres)) m (straight line)"))
            let filters = filterDescription()
            if !filters.isEmpty { header.add(lang.pick("筛选", "filters"), filters) }
            if openNowOnly {
                header.add(lang.pick("开放", "open"), lang.pick("只列出 \(RecordListing.shenzhenTime(timeSeconds)) 开放中的服务点（开放时间无法解析的不算）",
                                                              "only points open at \(RecordListing.shenzhenTime(timeSeconds)) (hours that cannot be read never count)"))
            }
            header.add(lang.pick("步行", "walking"), lang.pick(WalkingEstimate.assumptionsChinese, WalkingEstimate.assumptionsEnglish))

            var sections = [header.rendered(), ""]
            let total = result.totalWithinRadius
            let r = Self.metres(result.query.radiusMetres)
            if hits.isEmpty {
                sections.append(openNowOnly
                    ? lang.pick("\(r) 米内没有开放中的符合条件的服务点（共 \(total) 个在范围内）。", "No matching service point within \(r) m is open now (\(total) within the radius).")
                    : lang.pick("\(r) 米内没有符合条件的服务点。", "No matching service point within \(r) m."))
            } else if openNowOnly {
                sections.append(hitTable(forCSV: false).rendered())
                let open = openCount
                sections.append(hits.count < open
                    ? lang.pick("\(r) 米内 \(total) 个服务点中 \(open) 个开放中，显示最近的 \(hits.count) 个。", "\(open) of \(total) service points within \(r) m are open now; the nearest \(hits.count) shown.")
                    : lang.pick("\(r) 米内 \(total) 个服务点中 \(open) 个开放中。", "\(open) of \(total) service points within \(r) m are open now."))
            } else {
                sections.append(hitTable(forCSV: false).rendered())
                sections.append(hits.count < total
                    ? lang.pick("\(r) 米内共 \(total) 个服务点，显示最近的 \(hits.count) 个。", "\(total) service points within \(r) m; the nearest \(hits.count) shown.")
                    : lang.pick("\(r) 米内共 \(total) 个服务点。", "\(total) service point\(total == 1 ? "" : "s") within \(r) m."))
            }
            sections.append("")
            sections.append(summaryTable().rendered())
            for radius in result.summaryRadiiMetres {
                let none = result.domainsWithNothing(withinMetres: radius) ?? []
                let m = Self.metres(radius)
                sections.append(none.isEmpty
                    ? lang.pick("\(m) 米内每个领域都有服务点。", "Every domain has a point within \(m) m.")
                    : lang.pick("\(m) 米内没有：", "Nothing within \(m) m: ") + none.map { wording.domainName($0.id) }.joined(separator: lang.pick("、", ", ")))
            }
            let unlocated = result.unlocatedPoints
            if !unlocated.isEmpty {
                sections.append("")
                let shown = unlocated.prefix(NearbyCommand.unlocatedListed).map { "\($0.id) \($0.name)" }
                let more = unlocated.count > shown.count
                    ? lang.pick("……（--format json 列出全部）", " … (--format json lists all)") : ""
                sections.append(lang.pick("位置未知、可能就在附近的服务点 \(unlocated.count) 个：", unlocated.count == 1 ? "1 matching point has no known location and may be near: "
                                    : "\(unlocated.count) matching points have no known location and may be near: ")
                    + shown.joined(separator: lang.pick("、", ", ")) + more)
            }
            return sections.joined(separator: "\n")
        }

        func filterDescription() -> String {
            let q = result.query
            var parts: [String] = []
            if let id = q.domainID { parts.append(lang.pick("领域 ", "domain ") + "\(id) \(wording.domainName(id))") }
            if let id = q.itemID { parts.append(lang.pick("事项 ", "item ") + "\(id) \(catalogue.item(id)?.name ?? "")") }
            if let id = q.pointTypeID { parts.append(lang.pick("类型 ", "type ") + wording.typeName(id)) }
            if let code = q.subdistrictCode { parts.append(lang.pick("街道 ", "subdistrict ") + wording.subdistrictName(code)) }
            return parts.joined(separator: lang.pick("；", "; "))
        }

        func hitTable(forCSV: Bool) -> TextTable {
            var headers = [lang.pick("距离(米)", "metres"), lang.pick("方向", "bearing"), lang.pick("步行(分)", "walk min"),
                           lang.pick("编号", "id"), lang.pick("名称", "name"), lang.pick("类型", "type"),
                           lang.pick("领域", "domain"), lang.pick("开放", "open now"), lang.pick("数据", "data")]
            if forCSV { headers += [lang.pick("纬度", "lat"), lang.pick("经度", "lng")] }
            var table = TextTable(headers: headers, rightAligned: [0, 2])
            for hit in hits {
                var row = [forCSV ? String(format: "%.3f", hit.distanceMetres) : Self.metres(hit.distanceMetres),
                           forCSV ? String(format: "%.1f", hit.bearingDegrees) : compass(hit),
                           String(hit.walkingMinutes), hit.point.id, hit.point.name, wording.typeName(hit.point.typeID),
                           domainName(hit.domainID), wording.openStatus(OpeningHours.status(of: hit.point.hours, at: time)),
                           wording.provenance(hit.point.provenance)]
                if forCSV, let c = hit.point.location {
                    row += [String(format: "%.7f", c.latitude), String(format: "%.7f", c.longitude)]
                }
                table.add(row)
            }
            return table
        }

        func summaryTable() -> TextTable {
            let radii = result.summaryRadiiMetres
            var table = TextTable(headers: [lang.pick("领域", "domain")] + radii.map { lang.pick("\(Self.metres($0)) 米内", "≤ \(Self.metres($0)) m") },
                                  rightAligned: Set(1...radii.count))
            for row in result.domainCounts {
                table.add(["\(row.domain.id) \(wording.domainName(row.domain.id))"] + row.counts.map(String.init))
            }
            return table
        }

        // MARK: JSON

        func originJSON() -> JSONOut {
            var members: [(String, JSONOut)] = [("input", .string(input))]
            switch location.source {
            case .coordinates:
                members.append(("kind", .string("coordinates")))
            case .place(let place):
                members += [("kind", .string(place.kind.rawValue)), ("id", .string(place.id)), ("name", .string(place.name))]
            }
            members += [("datum_read", .string(location.datumRead.rawValue)), ("coordinate_read", .coordinate(location.coordinateRead)),
                        ("wgs84", .coordinate(location.origin)), ("note", .optional(location.note))]
            if location.orderSwapped { members.append(("order_swapped", .bool(true))) }
            if !location.shadowed.isEmpty {
                members.append(("shadows", .array(location.shadowed.map {
                    .object([("kind", .string($0.kind.rawValue)), ("id", .string($0.id)), ("name", .string($0.name))])
                })))
            }
            return .object(members)
        }

        func hitJSON(_ hit: NearbyHit) -> JSONOut {
            .object([("id", .string(hit.point.id)), ("name", .string(hit.point.name)), ("type", .string(hit.point.typeID)),
                     ("domain", .optional(hit.domainID)), ("distance_m", .double(hit.distanceMetres, decimals: 3)),
                     ("bearing_deg", .double(hit.bearingDegrees, decimals: 1)), ("compass", .string(hit.compass.abbreviation)),
                     ("walking_minutes", .int(hit.walkingMinutes)), ("location", .coordinate(hit.point.location)),
                     ("hours", .optional(hit.point.hours)), ("open_now", .openNow(hit.point.hours, at: time)),
                     ("provenance", .provenance(hit.point.provenance))])
        }

        func json() -> JSONOut {
            let q = result.query
            let radii = result.summaryRadiiMetres
            return .object([
                ("origin", originJSON()),
                ("radius_m", .double(q.radiusMetres, decimals: 3)),
                ("filters", .object([("domain", .optional(q.domainID)), ("item", .optional(q.itemID)),
                                     ("type", .optional(q.pointTypeID)), ("subdistrict", .optional(q.subdistrictCode)),
                                     ("limit", (openNowOnly ? limit : q.limit).map { .int($0) } ?? .null),
                                     ("open_now", openNowOnly ? .string(RecordListing.iso8601(timeSeconds)) : .null)])),
                ("walking", .object([("speed_m_per_s", .double(WalkingEstimate.speedMetresPerSecond, decimals: 2)),
                                     ("detour_factor", .double(WalkingEstimate.detourFactor, decimals: 2)),
                                     ("note", .string(WalkingEstimate.assumptionsEnglish))])),
                ("total_within_radius", .int(result.totalWithinRadius)),
                ("points", .array(hits.map(hitJSON))),
                ("unlocated", .array(result.unlocatedPoints.map {
                    .object([("id", .string($0.id)), ("name", .string($0.name)), ("type", .string($0.typeID))])
                })),
                ("summary", .object([
                    ("radii_m", .array(radii.map { .double($0, decimals: 3) })),
                    ("domains", .array(result.domainCounts.map {
                        .object([("id", .string($0.domain.id)), ("name", .string($0.domain.name)), ("counts", .array($0.counts.map { .int($0) }))])
                    })),
                    ("none_within", .array(radii.map { radius in
                        .object([("radius_m", .double(radius, decimals: 3)),
                                 ("domains", .strings((result.domainsWithNothing(withinMetres: radius) ?? []).map(\.id)))])
                    })),
                ])),
            ])
        }

        // MARK: GeoJSON

        static func position(_ c: GeoCoordinate) -> JSONOut {
            .array([.double(c.longitude, decimals: 7), .double(c.latitude, decimals: 7)])
        }

        func geoJSON() -> JSONOut {
            let origin = location.origin
            let radius = result.query.radiusMetres
            // From north, anticlockwise as RFC 7946 §3.1.6 asks of exterior rings, closed on its first position.
            var ring = (0..<NearbyCommand.circleVertices).map { step in
                origin.destination(bearingDegrees: 360 - Double(step) * 360 / Double(NearbyCommand.circleVertices),
                                   distanceMetres: radius)
            }
            if let first = ring.first { ring.append(first) }
            var features: [JSONOut] = [
                .object([("type", .string("Feature")),
                         ("geometry", .object([("type", .string("Point")), ("coordinates", Self.position(origin))])),
                         ("properties", .object([("role", .string("origin")), ("label", .string(lang.pick(location.chineseLabel, location.englishLabel))),
                                                 ("datum_read", .string(location.datumRead.rawValue)),
                                                 ("coordinate_read", .coordinate(location.coordinateRead))]))]),
                .object([("type", .string("Feature")),
                         ("geometry", .object([("type", .string("Polygon")), ("coordinates", .array([.array(ring.map(Self.position))]))])),
                         ("properties", .object([("role", .string("circle")), ("radius_m", .double(radius, decimals: 3))]))]),
            ]
            for hit in hits {
                guard let c = hit.point.location else { continue }
                features.append(.object([
                    ("type", .string("Feature")), ("id", .string(hit.point.id)),
                    ("geometry", .object([("type", .string("Point")), ("coordinates", Self.position(c))])),
                    ("properties", .object([("role", .string("service_point")), ("name", .string(hit.point.name)),
                                            ("type", .string(hit.point.typeID)), ("domain", .optional(hit.domainID)),
                                            ("distance_m", .double(hit.distanceMetres, decimals: 3)),
                                            ("bearing_deg", .double(hit.bearingDegrees, decimals: 1)),
                                            ("walking_minutes", .int(hit.walkingMinutes)),
                                            ("provenance", .string(hit.point.provenance.kind))])),
                ]))
            }
            return .object([("type", .string("FeatureCollection")), ("features", .array(features))])
        }
    }
}
