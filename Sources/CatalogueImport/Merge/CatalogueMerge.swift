import Catalogue
import Geodesy

/// Merges imported records into a catalogue: matches each row with an existing record (by id, else
/// by name and location within 30 m, else by name and address), gives new records ids that continue
/// the catalogue's scheme, removes the samples a complete list replaces, and records every step in
/// an `ImportPlan`. Feed it one kind at a time (items, standards, then points) so later tables can
/// refer to records of earlier ones.
public struct CatalogueMerge {
    /// Two points with the same name this close are one place.
    public static let sameSiteMetres = 30.0

    var base: ServiceCatalogue
    var items: [ServiceItem]
    var points: [ServicePoint]
    var standards: [StandardText]
    var bodies: [String: String]
    /// `drafting_body` of the texts' front matter, by id.
    var draftingBodies: [String: String]
    var sources: [SourceInfo]
    let prefer: ConflictPreference?
    var plan: ImportPlan
    /// Where added points go when they are not kept (`init(base:prefer:spool:)`): point indexes
    /// from `points.count` on are the spooled points, in the order added.
    let spool: AddedPointSpool?

    /// The points as the merge began, whose name keys the name index files them under.
    var basePoints: [ServicePoint]
    /// Point indexes by id: each point filed under its own index. The index keeps no strings
    /// (`PointKeyTable`): a hash match is confirmed against the point's own id, read from
    /// `points` or the spool (`storedPoint`).
    var pointIDs = PointKeyTable()
    /// Points by name key: the last point with the key, and from each point the one before it
    /// with the same key (-1 at the first), so a million names cost no array (and no string) each.
    var lastByName = PointKeyTable()
    var previousByName: [Int32] = []
    /// Where each point is, by index (`unlocated` when it has no location): the match compares
    /// these, and reads the address of a point whose name matches from the point itself.
    var locations: [GeoCoordinate] = []
    /// Points set by a row of this import: the row's origin as an index into `claimOrigins`
    /// (its file, sheet and date, 0 when unclaimed) and its row, per point.
    var claimOrigin: [UInt32] = []
    var claimRows = RowColumn()
    var claimOrigins: [ImportOrigin] = [ImportOrigin(file: "", date: "")]
    var claimOriginIndex: [ImportOrigin: UInt32] = [:]
    var itemIndex: [String: Int] = [:]
    var itemsByName: [String: Int] = [:]
    var standardIndex: [String: Int] = [:]
    var standardsByCode: [String: Int] = [:]
    var standardsByTitle: [String: Int] = [:]
    /// Items and standards set by a row of this import (`kind:id` → the row), to tell duplicates in the files.
    var claimed: [String: ImportOrigin] = [:]
    var completeTypes: Set<String> = []
    var matchedPoints: Set<String> = []
    var removedPoints: Set<String> = []

    /// Starts a merge into `base`; `prefer` decides conflicts (nil leaves them undecided).
    public init(base: LoadedCatalogue, prefer: ConflictPreference?, spool: AddedPointSpool? = nil) {
        self.spool = spool
        self.base = base.catalogue
        items = base.catalogue.items
        points = base.catalogue.points
        standards = base.catalogue.standards
        bodies = base.bodies
        draftingBodies = base.draftingBodies
        sources = base.catalogue.sources
        self.prefer = prefer
        plan = ImportPlan(result: base)
        basePoints = points
        for p in points { indexPoint(p, nameKey: Self.key(p.name)) }
        for (i, t) in items.enumerated() { itemIndex[t.id] = i; itemsByName[Self.key(t.name)] = itemsByName[Self.key(t.name)] ?? i }
        for (i, s) in standards.enumerated() { indexStandard(s, at: i) }
    }

    mutating func indexStandard(_ s: StandardText, at i: Int) {
        standardIndex[s.id] = i
        if s.code != StandardConversion.uncoded, !s.code.hasPrefix("样例") {
            standardsByCode[StandardConversion.codeKey(s.code)] = standardsByCode[StandardConversion.codeKey(s.code)] ?? i
        }
        standardsByTitle[Self.key(s.title)] = standardsByTitle[Self.key(s.title)] ?? i
    }

    static func key(_ name: String) -> String { CellText.headerKey(name) }

    /// The location of a point without one: no distance to it is within `sameSiteMetres` (nor
    /// to a location of NaN, which it stands for).
    static let unlocated = GeoCoordinate(latitude: .nan, longitude: .nan)

    /// Point `i` as it stands now: in `points`, or (spooled, so never changed) read from the spool.
    func storedPoint(_ i: Int) -> ServicePoint? {
        i < points.count ? points[i] : spool?.point(at: i - points.count)
    }

    /// The name key point `i` is filed under: its name's when the merge began.
    func nameKey(ofPoint i: Int) -> String? {
        if i < basePoints.count { return Self.key(basePoints[i].name) }
        return storedPoint(i).map { Self.key($0.name) }
    }

    /// The index of the point with `id`.
    func pointIndex(ofID id: String) -> Int? {
        pointIDs.find(PointKeyTable.fragment(id)) { storedPoint($0)?.id == id }.index
    }

    /// The last point filed under name key `key`.
    func lastPoint(nameKey key: String) -> Int32? {
        lastByName.find(PointKeyTable.fragment(key)) { nameKey(ofPoint: $0) == key }.index.map { Int32($0) }
    }

    /// Files point `p`, the last so far (stored already), under its id and its name key.
    mutating func indexPoint(_ p: ServicePoint, nameKey key: String) {
        let i = locations.count
        let idFragment = PointKeyTable.fragment(p.id)
        let idSlot = pointIDs.find(idFragment) { storedPoint($0)?.id == p.id }.slot
        pointIDs.store(i, fragment: idFragment, in: idSlot)
        let nameFragment = PointKeyTable.fragment(key)
        let (nameSlot, previous) = lastByName.find(nameFragment) { nameKey(ofPoint: $0) == key }
        lastByName.store(i, fragment: nameFragment, in: nameSlot)
        previousByName.append(Int32(previous ?? -1))
        claimOrigin.append(0)
        claimRows.append(nil)
        locations.append(p.location ?? Self.unlocated)
    }

    /// Point indexes with the name key of point `last` (the last with it), the last first.
    func points(namedAs last: Int32) -> some Sequence<Int> {
        // Only the links are captured, not a copy of the whole merge.
        let previous = previousByName
        return sequence(state: last) { (i: inout Int32) -> Int? in
            guard i >= 0 else { return nil }
            defer { i = previous[Int(i)] }
            return Int(i)
        }
    }

    /// The row that set point `i` in this import, if one did.
    func claim(ofPoint i: Int) -> ImportOrigin? {
        guard claimOrigin[i] != 0 else { return nil }
        var origin = claimOrigins[Int(claimOrigin[i])]
        origin.row = claimRows[i]
        return origin
    }

    /// Records that `origin` set point `i`.
    mutating func claim(point i: Int, by origin: ImportOrigin) {
        var source = origin
        source.row = nil
        let index: UInt32
        // Rows come a table at a time: the last row's file, sheet and date, without hashing them again.
        if let last = claimOrigins.indices.last, last > 0, claimOrigins[last] == source {
            index = UInt32(last)
        } else if let known = claimOriginIndex[source] {
            index = known
        } else {
            index = UInt32(claimOrigins.count)
            claimOrigins.append(source)
            claimOriginIndex[source] = index
        }
        claimOrigin[i] = index
        claimRows[i] = origin.row
    }

    /// Rejects `row` when point `i` was set by an earlier row already.
    mutating func rejectDuplicate(_ row: ImportedRow, point i: Int) -> Bool {
        guard let first = claim(ofPoint: i) else { return false }
        plan.rejected.append(ImportProblem(file: row.origin.file, sheet: row.origin.sheet, row: row.origin.row,
                                           reason: "the same place as \(first.location); each record once only"))
        return true
    }

    /// The catalogue as merged so far, for converting the next tables against it.
    public var current: ServiceCatalogue {
        let c = base
        // Nothing removed (the usual case): the points as they are, not a copy of a million.
        return ServiceCatalogue(metadata: c.metadata, sources: sources, pointTypes: c.pointTypes, domains: c.domains, items: items,
                             points: removedPoints.isEmpty ? points : points.filter { !removedPoints.contains($0.id) }, standards: standards,
                             subdistricts: c.subdistricts, landmarks: c.landmarks, boundary: c.boundary,
                             subdistrictBoundaries: c.subdistrictBoundaries)
    }

    /// Adds a source entry unless the catalogue has one with its id already.
    public mutating func add(source: SourceInfo) {
        guard !sources.contains(where: { $0.id == source.id }) else { return }
        sources.append(source)
        plan.addedSources.append(source)
    }

    /// Rows that could not be read, listed in the plan.
    public mutating func reject(_ problems: [ImportProblem]) { plan.rejected += problems }

    /// Merges converted rows, in order.
    public mutating func apply(_ rows: [ImportedRow]) {
        for row in rows { apply(row: row) }
    }

    /// Merges one converted row.
    public mutating func apply(row: ImportedRow) {
        if let type = row.completeType { completeTypes.insert(type) }
        switch row.record {
        case .point(let p): merge(point: p, row)
        case .item(let i): merge(item: i, row)
        case .standard(let s, let body): merge(standard: s, body: body, row)
        }
    }

    mutating func rejectDuplicate(_ row: ImportedRow, _ key: String, _ what: String) -> Bool {
        guard let first = claimed[key] else { return false }
        plan.rejected.append(ImportProblem(file: row.origin.file, sheet: row.origin.sheet, row: row.origin.row,
                                           reason: "the same \(what) as \(first.location); each record once only"))
        return true
    }

    // MARK: - Points

    mutating func match(point p: ServicePoint, nameKey: String) -> Int? {
        if !p.id.isEmpty, let i = pointIndex(ofID: p.id) { return i }
        // No point with the name (the usual new record): nothing to compare.
        guard let last = lastPoint(nameKey: nameKey) else { return nil }
        // A row with an id of its own is a record of its own: it never takes over one this import already set.
        // The candidates come last first: the match is the first in catalogue order, the lowest index.
        // (No point is removed before `finish`, so every point with the name is a candidate.)
        func candidate(_ i: Int) -> Bool { p.id.isEmpty || claim(ofPoint: i) == nil }
        if let here = p.location {
            var first: Int?
            for i in points(namedAs: last) where candidate(i) {
                let there = locations[i]
                if !there.latitude.isNaN, Geodesic.wgs84.inverse(from: here, to: there).distanceMetres <= Self.sameSiteMetres { first = i }
            }
            if let first { return first }
        }
        if let address = p.address {
            let addressKey = Self.key(address)
            var first: Int?
            for i in points(namedAs: last) where candidate(i) {
                if let other = storedPoint(i)?.address, Self.key(other) == addressKey { first = i }
            }
            if let first { return first }
        }
        return nil
    }

    static let pointFields: [(String, @Sendable (ServicePoint) -> String)] = [
        ("name", { $0.name }), ("type", { $0.typeID }), ("items", { $0.itemIDs.joined(separator: " ") }),
        ("subdistrict", { $0.subdistrictCode ?? "" }), ("community", { $0.community ?? "" }), ("address", { $0.address ?? "" }),
        ("phone", { $0.phone ?? "" }), ("hours", { $0.hours ?? "" }),
        ("location", { $0.location.map { "\($0.longitude), \($0.latitude)" } ?? "" }),
        ("source_datum", { $0.sourceDatum?.rawValue ?? "" }),
        ("source_coordinates", { $0.sourceCoordinate.map { "\($0.longitude), \($0.latitude)" } ?? "" }),
        ("note", { $0.note ?? "" }), ("provenance", { Self.provenanceText($0.provenance) }),
    ]

    static func provenanceText(_ p: Provenance) -> String { p.sourceID.map { "\(p.kind) (\($0))" } ?? p.kind }

    static func changes<T>(_ old: T, _ new: T, _ fields: [(String, @Sendable (T) -> String)]) -> [ImportPlan.FieldChange] {
        fields.compactMap { name, text in
            let a = text(old), b = text(new)
            return a == b ? nil : ImportPlan.FieldChange(field: name, old: a, new: b)
        }
    }

    mutating func merge(point imported: ServicePoint, _ row: ImportedRow) {
        let provided = row.provided
        let entry = { (id: String) in ImportPlan.Entry(kind: .points, id: id, name: imported.name, origin: row.origin) }
        let nameKey = Self.key(imported.name)
        guard let index = match(point: imported, nameKey: nameKey) else {
            var p = imported
            // Every id in use, spooled ones included (the index holds them all; their order does not matter).
            while p.id.isEmpty || pointIndex(ofID: p.id) != nil { let ids = idCounters["P"] == nil ? allPointIDs() : []; p.id = nextID(ids, prefix: "P", width: 4) }
            let added = locations.count
            if let spool { spool.append(p) } else { points.append(p) }
            indexPoint(p, nameKey: nameKey)
            claim(point: added, by: row.origin)
            if let spool {
                // The plan reads the id and name back from the spool when it is shown.
                plan.added.append(spooledPoint: spool.count - 1, of: spool, origin: row.origin)
                if p.location == nil { plan.unlocated.append(spooledPoint: spool.count - 1, of: spool, origin: row.origin) }
            } else {
                plan.added.append(entry(p.id))
                if p.location == nil { plan.unlocated.append(entry(p.id)) }
            }
            plan.touchesPoints = true
            return
        }
        // A point this import set already (every point it added) is never read again: the row is a duplicate.
        if rejectDuplicate(row, point: index) { return }
        let old = points[index]
        claim(point: index, by: row.origin)
        matchedPoints.insert(old.id)
        var new = old
        if provided.contains(.name) { new.name = imported.name }
        if provided.contains(.type) { new.typeID = imported.typeID }
        if provided.contains(.items) || (provided.contains(.type) && new.typeID != old.typeID) { new.itemIDs = imported.itemIDs }
        // A row without coordinates does not take away a location the catalogue has.
        let located = (provided.contains(.coordinates) || provided.contains(.longitude) || provided.contains(.sourceDatum))
            && (imported.sourceCoordinate != nil || imported.location != nil || old.location == nil)
        if located {
            new.location = imported.location
            new.sourceDatum = imported.sourceDatum
            new.sourceCoordinate = imported.sourceCoordinate
        }
        if provided.contains(.subdistrict) || (located && imported.subdistrictCode != nil) { new.subdistrictCode = imported.subdistrictCode }
        if provided.contains(.community) { new.community = imported.community }
        if provided.contains(.address) { new.address = imported.address }
        if provided.contains(.phone) { new.phone = imported.phone }
        if provided.contains(.hours) { new.hours = imported.hours }
        if provided.contains(.note) || imported.note != nil { new.note = imported.note ?? (provided.contains(.note) ? nil : old.note) }
        new.provenance = imported.provenance
        let fields = Self.changes(old, new, Self.pointFields)
        if imported.location == nil && located { plan.unlocated.append(entry(old.id)) }
        guard !fields.isEmpty else { plan.unchanged.append(entry(old.id)); return }
        new.origin = imported.origin
        if decide(old: old.provenance, new: new.provenance, Change(entry: entry(old.id), fields: fields)) {
            points[index] = new
            locations[index] = new.location ?? Self.unlocated
            plan.touchesPoints = true
        }
    }

    typealias Change = ImportPlan.Change

    /// Files a change as changed or as a conflict; true when the new values are to be written.
    mutating func decide(old: Provenance, new: Provenance, _ change: ImportPlan.Change) -> Bool {
        var change = change
        // The same facts from a second source leave the record as it is: nothing to decide.
        if !old.isSample, change.fields.allSatisfy({ $0.field == "provenance" }) {
            plan.unchanged.append(change.entry)
            return false
        }
        if old == new {
            plan.changed.append(change)
            return true
        }
        if old.isSample {
            plan.changed.append(change)
            plan.replacedSamples.append(change.entry)
            return true
        }
        change.resolution = prefer
        plan.conflicts.append(change)
        return prefer == .new
    }

    // MARK: - Items

    static let itemFields: [(String, @Sendable (ServiceItem) -> String)] = [
        ("domain", { $0.domainID }), ("category", { $0.category }), ("name", { $0.name }), ("recipients", { $0.recipients }),
        ("content", { $0.content }), ("standard", { $0.standard }), ("funding", { $0.funding }), ("lead", { $0.lead }),
        ("futian", { $0.isFutianSpecific ? "true" : "false" }), ("point_types", { $0.pointTypeIDs.joined(separator: " ") }),
        ("standards", { $0.standardIDs.joined(separator: " ") }), ("note", { $0.note ?? "" }),
        ("provenance", { Self.provenanceText($0.provenance) }),
    ]

    mutating func merge(item imported: ServiceItem, _ row: ImportedRow) {
        let entry = { (id: String) in ImportPlan.Entry(kind: .items, id: id, name: imported.name, origin: row.origin) }
        let index = (!imported.id.isEmpty ? itemIndex[imported.id] : nil) ?? itemsByName[Self.key(imported.name)]
        guard let index else {
            var i = imported
            while i.id.isEmpty || itemIndex[i.id] != nil {
                let ids = idCounters["\(i.domainID)-"] == nil ? items.map(\.id) : []
                i.id = nextID(ids, prefix: "\(i.domainID)-", width: 2)
            }
            if rejectDuplicate(row, "item:\(i.id)", "item") { return }
            claimed["item:\(i.id)"] = row.origin
            items.append(i)
            itemIndex[i.id] = items.count - 1
            itemsByName[Self.key(i.name)] = itemsByName[Self.key(i.name)] ?? items.count - 1
            plan.added.append(entry(i.id))
            plan.touchesItems = true
            return
        }
        let old = items[index]
        if rejectDuplicate(row, "item:\(old.id)", "item") { return }
        claimed["item:\(old.id)"] = row.origin
        var new = imported
        new.id = old.id
        new.origin = old.origin
        if !row.provided.contains(.standards) { new.standardIDs = old.standardIDs }
        if !row.provided.contains(.note) { new.note = old.note }
        if !row.provided.contains(.futian) { new.isFutianSpecific = old.isFutianSpecific }
        let fields = Self.changes(old, new, Self.itemFields)
        guard !fields.isEmpty else { plan.unchanged.append(entry(old.id)); return }
        new.origin = imported.origin
        if decide(old: old.provenance, new: new.provenance, Change(entry: entry(old.id), fields: fields)) {
            items[index] = new
            plan.touchesItems = true
        }
    }

    // MARK: - Standards

    static let standardFields: [(String, @Sendable (StandardText) -> String)] = [
        ("code", { $0.code }), ("title", { $0.title }), ("kind", { $0.kind.rawValue }), ("level", { $0.level.rawValue }),
        ("issued", { $0.issued ?? "" }), ("effective", { $0.effective ?? "" }), ("items", { $0.itemIDs.joined(separator: " ") }),
        ("provenance", { Self.provenanceText($0.provenance) }),
    ]

    mutating func merge(standard imported: StandardText, body: String, _ row: ImportedRow) {
        let entry = { (id: String) in ImportPlan.Entry(kind: .standards, id: id, name: imported.title, origin: row.origin) }
        var index = !imported.id.isEmpty ? standardIndex[imported.id] : nil
        if index == nil, imported.code != StandardConversion.uncoded { index = standardsByCode[StandardConversion.codeKey(imported.code)] }
        if index == nil { index = standardsByTitle[Self.key(imported.title)] }
        guard let index else {
            var s = imported
            while s.id.isEmpty || standardIndex[s.id] != nil { let ids = idCounters["S"] == nil ? standards.map(\.id) : []; s.id = nextID(ids, prefix: "S", width: 4) }
            if rejectDuplicate(row, "standard:\(s.id)", "text") { return }
            claimed["standard:\(s.id)"] = row.origin
            standards.append(s)
            indexStandard(s, at: standards.count - 1)
            bodies[s.id] = body
            if let draftingBody = row.draftingBody { draftingBodies[s.id] = draftingBody }
            plan.added.append(entry(s.id))
            plan.writtenStandards.insert(s.id)
            return
        }
        let old = standards[index]
        if rejectDuplicate(row, "standard:\(old.id)", "text") { return }
        claimed["standard:\(old.id)"] = row.origin
        var new = old
        let p = row.provided
        if p.contains(.code) { new.code = imported.code }
        if p.contains(.title) { new.title = imported.title }
        if p.contains(.kind) { new.kind = imported.kind }
        if p.contains(.level) { new.level = imported.level }
        if p.contains(.issued) { new.issued = imported.issued }
        if p.contains(.effective) { new.effective = imported.effective }
        if p.contains(.items) { new.itemIDs = imported.itemIDs }
        new.provenance = imported.provenance
        var fields = Self.changes(old, new, Self.standardFields)
        let oldBody = bodies[old.id] ?? ""
        let newBody = p.contains(.body) ? body : oldBody
        if newBody != oldBody { fields.append(ImportPlan.FieldChange(field: "body", old: "\(oldBody.count) characters", new: "\(newBody.count) characters")) }
        let oldDraftingBody = draftingBodies[old.id]
        let newDraftingBody = p.contains(.draftingBody) ? row.draftingBody : oldDraftingBody
        if newDraftingBody != oldDraftingBody {
            fields.append(ImportPlan.FieldChange(field: "drafting_body", old: oldDraftingBody ?? "", new: newDraftingBody ?? ""))
        }
        guard !fields.isEmpty else { plan.unchanged.append(entry(old.id)); return }
        new.origin = imported.origin
        if decide(old: old.provenance, new: new.provenance, Change(entry: entry(old.id), fields: fields)) {
            standards[index] = new
            bodies[old.id] = newBody
            draftingBodies[old.id] = newDraftingBody
            plan.writtenStandards.insert(old.id)
        }
    }

    // MARK: - Ids

    /// The id of every point, spooled ones included (their order does not matter).
    func allPointIDs() -> [String] {
        var ids = points.map(\.id)
        if let spool { for k in 0..<spool.count { if let p = spool.point(at: k) { ids.append(p.id) } } }
        return ids
    }

    /// The highest number and the width in use per id prefix, found once and then counted on.
    var idCounters: [String: (highest: Int, width: Int)] = [:]

    /// The next id of a scheme `prefix` + zero-padded number, after the highest in use (`ids`
    /// are read the first time a prefix is seen only).
    mutating func nextID(_ ids: [String], prefix: String, width: Int) -> String {
        var counter: (highest: Int, width: Int)
        if let known = idCounters[prefix] {
            counter = known
        } else {
            counter = (0, width)
            for id in ids where id.hasPrefix(prefix) {
                let digits = id.dropFirst(prefix.count)
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) {
                    counter.highest = max(counter.highest, n)
                    counter.width = max(counter.width, digits.count)
                }
            }
        }
        counter.highest += 1
        idCounters[prefix] = counter
        let number = String(counter.highest)
        return prefix + String(repeating: "0", count: max(0, counter.width - number.count)) + number
    }

    // MARK: - Finish

    /// The plan, with the samples complete lists replace removed, items and standards made to list
    /// each other, and the declared counts set to the real ones (the published figures kept apart).
    public mutating func finish() -> ImportPlan {
        for p in points where completeTypes.contains(p.typeID) && p.provenance.isSample && !matchedPoints.contains(p.id) {
            removedPoints.insert(p.id)
            plan.replacedSamples.append(ImportPlan.Entry(kind: .points, id: p.id, name: p.name, origin: nil))
        }
        if !removedPoints.isEmpty { plan.touchesPoints = true }
        // Items and standards must name each other.
        for s in standards {
            for itemID in s.itemIDs {
                guard let ii = itemIndex[itemID], !items[ii].standardIDs.contains(s.id) else { continue }
                items[ii].standardIDs.append(s.id)
                plan.touchesItems = true
            }
        }
        for item in items {
            for standardID in item.standardIDs {
                guard let si = standardIndex[standardID], !standards[si].itemIDs.contains(item.id) else { continue }
                standards[si].itemIDs.append(item.id)
                plan.writtenStandards.insert(standardID)
            }
        }
        // The merge is over: its indexes of a million points go before the result's are built.
        pointIDs = PointKeyTable()
        lastByName = PointKeyTable()
        previousByName = []
        locations = []
        claimOrigin = []
        claimRows = RowColumn()
        claimOriginIndex = [:]
        basePoints = []
        var catalogue = current
        points = []
        let real = CatalogueMetadata.Counts(domains: catalogue.domains.count, items: catalogue.items.count,
                                            futianItems: catalogue.items.filter(\.isFutianSpecific).count,
                                            points: catalogue.points.count + (spool?.count ?? 0), standards: catalogue.standards.count)
        var metadata = catalogue.metadata
        if metadata.counts != real {
            metadata.publishedCounts = metadata.publishedCounts ?? metadata.counts
            metadata.counts = real
        }
        // Set in place: building the catalogue again would index a million ids a second time.
        catalogue.metadata = metadata
        plan.spooledPoints = spool
        plan.result = LoadedCatalogue(catalogue: catalogue, bodies: bodies.filter { id, _ in standardIndex[id] != nil },
                                      draftingBodies: draftingBodies.filter { id, _ in standardIndex[id] != nil })
        return plan
    }
}
