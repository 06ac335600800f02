import Geodesy

extension ServiceCatalogue {
    /// This catalogue in the compiled binary form: every record, strings stored once each, read
    /// back by `init(image:)` without parsing or validating sources.
    public var image: [UInt8] {
        var w = ByteWriter()
        func provenance(_ p: Provenance) { w.string(p.kind); w.optionalString(p.sourceID) }
        func origin(_ o: ImportOrigin?) {
            w.bool(o != nil)
            if let o { w.string(o.file); w.optionalString(o.sheet); w.bool(o.row != nil); w.int(o.row ?? 0); w.string(o.date) }
        }
        func coordinate(_ c: GeoCoordinate?) {
            w.bool(c != nil)
            if let c { w.double(c.latitude); w.double(c.longitude) }
        }
        let m = metadata
        for text in [m.name, m.nameEnglish, m.district, m.districtCode, m.version, m.coordinateDatum, m.notes] { w.string(text) }
        func counts(_ c: CatalogueMetadata.Counts) {
            for count in [c.domains, c.items, c.futianItems, c.points, c.standards] { w.int(count) }
        }
        counts(m.counts)
        w.bool(m.publishedCounts != nil)
        if let published = m.publishedCounts { counts(published) }
        w.int(sources.count)
        for s in sources {
            w.string(s.id); w.string(s.title); w.string(s.origin); w.string(s.licence); w.optionalString(s.datum)
            w.string(s.snapshot); w.optionalString(s.reliability); w.optionalString(s.note)
        }
        w.int(pointTypes.count)
        for t in pointTypes { w.string(t.id); w.string(t.name); w.string(t.nameEnglish); w.string(t.domainID) }
        w.int(domains.count)
        for d in domains { w.string(d.id); w.string(d.name); w.string(d.nameEnglish); w.string(d.summary); provenance(d.provenance) }
        w.int(items.count)
        for i in items {
            w.string(i.id); w.string(i.domainID); w.string(i.category); w.string(i.name); w.string(i.recipients)
            w.string(i.content); w.string(i.standard); w.string(i.funding); w.string(i.lead); w.bool(i.isFutianSpecific)
            w.strings(i.pointTypeIDs); w.strings(i.standardIDs); provenance(i.provenance); w.optionalString(i.note); origin(i.origin)
        }
        // The standard texts with their byte length, so that opening skips them (`RecordList`).
        w.int(standards.count)
        let standardsLengthAt = w.count
        w.int(0)
        let standardsStart = w.count
        for s in standards {
            w.string(s.id); w.string(s.code); w.string(s.title); w.string(s.kind.rawValue); w.string(s.level.rawValue)
            w.optionalString(s.issued); w.optionalString(s.effective); w.strings(s.itemIDs); provenance(s.provenance); origin(s.origin)
        }
        w.patch(w.count - standardsStart, at: standardsLengthAt)
        w.int(subdistricts.count)
        for s in subdistricts {
            w.string(s.code); w.string(s.name); w.string(s.pinyin); w.strings(s.communities); coordinate(s.centre)
            w.optionalString(s.centreNote); provenance(s.provenance)
        }
        w.int(landmarks.count)
        for l in landmarks {
            w.string(l.id); w.string(l.name); w.string(l.kind); w.strings(l.lines); coordinate(l.location)
            w.string(l.sourceDatum.rawValue); coordinate(l.sourceCoordinate); provenance(l.provenance)
        }
        func polygons(_ boundary: Boundary) {
            w.int(boundary.polygons.count)
            for rings in boundary.polygons {
                w.int(rings.count)
                for ring in rings {
                    w.int(ring.count)
                    for c in ring { w.double(c.latitude); w.double(c.longitude) }
                }
            }
        }
        polygons(boundary)
        w.int(subdistrictBoundaries.count)
        for b in subdistrictBoundaries {
            w.string(b.code); w.string(b.name); polygons(b.area); w.optionalString(b.note); provenance(b.provenance)
        }
        // The points last, each record findable by its start (`PointImage`).
        let points = self.points
        w.int(points.count)
        let lengthAt = w.count
        w.int(0)
        let recordsStart = w.count
        var recordStarts: [UInt32] = []
        recordStarts.reserveCapacity(points.count + 1)
        for p in points {
            recordStarts.append(UInt32(w.count - recordsStart))
            w.string(p.id); w.string(p.name); w.string(p.typeID); w.strings(p.itemIDs); w.optionalString(p.subdistrictCode)
            w.optionalString(p.community); w.optionalString(p.address); w.optionalString(p.phone); w.optionalString(p.hours)
            coordinate(p.location); w.optionalString(p.sourceDatum?.rawValue); coordinate(p.sourceCoordinate)
            w.optionalString(p.note); provenance(p.provenance); origin(p.origin)
        }
        recordStarts.append(UInt32(w.count - recordsStart))
        w.patch(w.count - recordsStart, at: lengthAt)
        let tables = PointImage.tables(points: points, items: items)
        w.array(recordStarts)
        w.array(tables.byID)
        w.array(tables.itemRunStarts)
        w.array(tables.itemPoints)
        w.array(tables.coordinateLike)
        let tallies = PointTally.of(points)
        w.int(tallies.count)
        let talliesLengthAt = w.count
        w.int(0)
        let talliesStart = w.count
        for t in tallies {
            w.string(t.typeID); w.optionalString(t.subdistrictCode); w.bool(t.isLocated); w.optionalString(t.hours)
            provenance(t.provenance); w.int(t.count)
        }
        w.patch(w.count - talliesStart, at: talliesLengthAt)
        // Counts per domain, for listings that need no record, and the nearby index, each read
        // when first asked for (`PointImage.domainCounts()`, `nearbyTables()`).
        let extrasLengthAt = w.count
        w.int(0)
        let extrasStart = w.count
        let byDomain = pointCountsByDomain()
        w.int(byDomain.count)
        for (domainID, count) in byDomain.sorted(by: { $0.key < $1.key }) { w.string(domainID); w.int(count) }
        w.nearbyTables(NearbyIndex(building: self).tables)
        w.patch(w.count - extrasStart, at: extrasLengthAt)
        return w.finished()
    }

    /// Reads a catalogue written by `image`. The points stay in `bytes` and are decoded when
    /// they are asked for (`PointImage`); everything else is decoded now.
    public init(image bytes: ImageBytes) throws(CatalogueImageError) {
        var r = try ByteReader(bytes, lazyStrings: true)
        func counts() throws(CatalogueImageError) -> CatalogueMetadata.Counts {
            .init(domains: try r.int(), items: try r.int(), futianItems: try r.int(), points: try r.int(), standards: try r.int())
        }
        let metadata = CatalogueMetadata(
            name: try r.string(), nameEnglish: try r.string(), district: try r.string(), districtCode: try r.string(),
            version: try r.string(), coordinateDatum: try r.string(), notes: try r.string(),
            counts: try counts(), publishedCounts: try r.bool() ? try counts() : nil)
        var sources: [SourceInfo] = []
        for _ in 0..<(try r.count()) {
            sources.append(SourceInfo(id: try r.string(), title: try r.string(), origin: try r.string(), licence: try r.string(),
                                      datum: try r.optionalString(), snapshot: try r.string(),
                                      reliability: try r.optionalString(), note: try r.optionalString()))
        }
        var pointTypes: [PointType] = []
        for _ in 0..<(try r.count()) {
            pointTypes.append(PointType(id: try r.string(), name: try r.string(), nameEnglish: try r.string(),
                                        domainID: try r.string()))
        }
        var domains: [Domain] = []
        for _ in 0..<(try r.count()) {
            domains.append(Domain(id: try r.string(), name: try r.string(), nameEnglish: try r.string(),
                                  summary: try r.string(), provenance: try r.provenance()))
        }
        var items: [ServiceItem] = []
        let itemCount = try r.count()
        items.reserveCapacity(itemCount)
        for _ in 0..<itemCount {
            items.append(ServiceItem(
                id: try r.string(), domainID: try r.string(), category: try r.string(), name: try r.string(),
                recipients: try r.string(), content: try r.string(), standard: try r.string(), funding: try r.string(),
                lead: try r.string(), isFutianSpecific: try r.bool(), pointTypeIDs: try r.strings(),
                standardIDs: try r.strings(), provenance: try r.provenance(), note: try r.optionalString(), origin: try r.origin()))
        }
        // The standard texts are decoded when first asked for; the reader and the bytes are kept.
        let standardCount = try r.count()
        let standardsLength = try r.int()
        let standardsReader = r
        try r.skip(standardsLength, checking: false)
        let standards = RecordList<StandardText>(decoding: {
            withExtendedLifetime(bytes) {
                var reader = standardsReader
                return Self.readStandards(&reader, count: standardCount)
            }
        }, id: \.id)
        var subdistricts: [Subdistrict] = []
        for _ in 0..<(try r.count()) {
            subdistricts.append(Subdistrict(code: try r.string(), name: try r.string(), pinyin: try r.string(),
                                            communities: try r.strings(), centre: try r.coordinate(),
                                            centreNote: try r.optionalString(), provenance: try r.provenance()))
        }
        var landmarks: [Landmark] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string(), name = try r.string(), kind = try r.string(), lines = try r.strings()
            guard let location = try r.coordinate() else { throw .malformed("landmark \(id) without location") }
            landmarks.append(Landmark(id: id, name: name, kind: kind, lines: lines, location: location,
                                      sourceDatum: try r.datum(try r.string()), sourceCoordinate: try r.coordinate(),
                                      provenance: try r.provenance()))
        }
        func polygons() throws(CatalogueImageError) -> Boundary {
            var polygons: [[[GeoCoordinate]]] = []
            for _ in 0..<(try r.count()) {
                var rings: [[GeoCoordinate]] = []
                for _ in 0..<(try r.count()) {
                    let pointCount = try r.count()
                    var ring: [GeoCoordinate] = []
                    ring.reserveCapacity(pointCount)
                    for _ in 0..<pointCount { ring.append(GeoCoordinate(latitude: try r.double(), longitude: try r.double())) }
                    rings.append(ring)
                }
                polygons.append(rings)
            }
            return Boundary(polygons: polygons)
        }
        let boundary = try polygons()
        var subdistrictBoundaries: [SubdistrictBoundary] = []
        for _ in 0..<(try r.count()) {
            subdistrictBoundaries.append(SubdistrictBoundary(code: try r.string(), name: try r.string(), area: try polygons(),
                                                             note: try r.optionalString(), provenance: try r.provenance()))
        }
        let points = try PointImage(bytes: bytes, reader: &r, items: items)
        guard r.isAtEnd else { throw .malformed("trailing bytes") }
        self.init(metadata: metadata, sources: sources, pointTypes: pointTypes, domains: domains, items: items,
                  points: PointStore(image: points), standards: standards, subdistricts: subdistricts, landmarks: landmarks,
                  boundary: boundary, subdistrictBoundaries: subdistrictBoundaries)
    }

    /// One point record as `image` writes it.
    static func readPoint(_ r: inout ByteReader) throws(CatalogueImageError) -> ServicePoint {
        let id = try r.string(), name = try r.string(), typeID = try r.string(), itemIDs = try r.strings()
        let subdistrictCode = try r.optionalString(), community = try r.optionalString(), address = try r.optionalString()
        let phone = try r.optionalString(), hours = try r.optionalString(), location = try r.coordinate()
        let sourceDatum = try r.optionalString().map { (text) throws(CatalogueImageError) in try r.datum(text) }
        return ServicePoint(
            id: id, name: name, typeID: typeID, itemIDs: itemIDs, subdistrictCode: subdistrictCode,
            community: community, address: address, phone: phone, hours: hours, location: location,
            sourceDatum: sourceDatum, sourceCoordinate: try r.coordinate(), note: try r.optionalString(),
            provenance: try r.provenance(), origin: try r.origin())
    }

    /// `count` standard texts as `image` writes them. A record that does not decode (the section
    /// passed its checksum, so only a writer's fault could cause it) and those after it come back
    /// as texts that say so, never a crash (as `PointImage` does for a point).
    static func readStandards(_ r: inout ByteReader, count: Int) -> [StandardText] {
        var standards: [StandardText] = []
        standards.reserveCapacity(min(count, r.remaining))
        do {
            for _ in 0..<count {
                let id = try r.string(), code = try r.string(), title = try r.string()
                let kindText = try r.string(), levelText = try r.string()
                guard let kind = StandardText.Kind(rawValue: kindText), let level = StandardText.Level(rawValue: levelText) else {
                    throw CatalogueImageError.malformed("standard kind \(kindText) or level \(levelText)")
                }
                standards.append(StandardText(id: id, code: code, title: title, kind: kind, level: level,
                                              issued: try r.optionalString(), effective: try r.optionalString(),
                                              itemIDs: try r.strings(), provenance: try r.provenance(), origin: try r.origin()))
            }
        } catch {
            while standards.count < count {
                standards.append(StandardText(id: "#\(standards.count + 1)", code: "", title: CatalogueImageError.damagedRecordTitle,
                                              kind: .standard, level: .district, issued: nil, effective: nil, itemIDs: [],
                                              provenance: .sample))
            }
        }
        return standards
    }

    /// One tally as `image` writes it.
    static func readTally(_ r: inout ByteReader) throws(CatalogueImageError) -> PointTally {
        PointTally(typeID: try r.string(), subdistrictCode: try r.optionalString(), isLocated: try r.bool(),
                   hours: try r.optionalString(), provenance: try r.provenance(), count: try r.int())
    }
}

/// The compound values of the catalogue's records, as `ServiceCatalogue.image` writes them.
extension ByteReader {
    mutating func provenance() throws(CatalogueImageError) -> Provenance {
        let kind = try string(), source = try optionalString()
        guard let provenance = Provenance(kind: kind, source: source) else { throw .malformed("provenance \(kind)") }
        return provenance
    }

    mutating func origin() throws(CatalogueImageError) -> ImportOrigin? {
        guard try bool() else { return nil }
        let file = try string(), sheet = try optionalString(), hasRow = try bool(), row = try int()
        return ImportOrigin(file: file, sheet: sheet, row: hasRow ? row : nil, date: try string())
    }

    mutating func coordinate() throws(CatalogueImageError) -> GeoCoordinate? {
        guard try bool() else { return nil }
        return GeoCoordinate(latitude: try double(), longitude: try double())
    }

    /// A count of things that follow; more than there are bytes left means damage.
    mutating func count() throws(CatalogueImageError) -> Int {
        let n = try int()
        guard n <= remaining else { throw .truncated }
        return n
    }

    func datum(_ text: String) throws(CatalogueImageError) -> Datum {
        guard let datum = Datum(rawValue: text) else { throw .malformed("datum \(text)") }
        return datum
    }
}
