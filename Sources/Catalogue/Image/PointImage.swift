import Geodesy
import FlatStorage

/// The points of a compiled catalogue, left in their section and decoded one at a time: a
/// command that shows one item's points, one point or a nearby list reads those records only,
/// whatever the size of the catalogue.
///
/// Layout (after the rest of the catalogue section; `ServiceCatalogue.image` writes it): the
/// point count, the records' byte length, the records, then four arrays read in place — each
/// record's start (relative to the first), the points ordered by id (for `index(ofID:)`),
/// per item (in `items` order) the start of its run in the list of points serving it, and the
/// points whose id or name reads like coordinates (`LocationResolver` needs only those); then
/// the points' tallies (`PointTally`), for counts that need no record.
final class PointImage: @unchecked Sendable {
    let count: Int
    private let bytes: ImageBytes
    private let reader: ByteReader
    private let recordsStart: Int
    private let recordsLength: Int
    // Where the arrays lie in `bytes` (byte ranges of 32-bit values). They are checked as they
    // are read, an entry or a run at a time (`entry`, `entries`), not when the image is opened: a
    // command that reads a few points of a million checks the blocks it reads. Each use falls back
    // to reading the records themselves when an array fails its check, so a damaged array is
    // never followed.
    private let recordStarts: Range<Int>
    private let byID: Range<Int>
    private let itemPoints: Range<Int>
    private let coordinateLike: Range<Int>
    /// Small (an entry per item): read and checked when the image is opened.
    private let itemRunStarts: UnsafeRawBufferPointer
    /// Item id → its position when the image was written (the rows of `itemRunStarts`).
    private let itemPositions: [String: Int]
    /// The items' ids and domains when the image was written (what the stored domain counts
    /// hold for).
    let itemDomains: [ItemDomain]

    struct ItemDomain: Equatable {
        var itemID: String
        var domainID: String
    }
    private let tallyCount: Int
    private let talliesStart: Int
    /// Where the counts per domain start, followed by the nearby index's tables.
    private let extrasStart: Int

    /// Reads the block's header and arrays at the reader's position; checks the small item table
    /// and where the records start and end (the other arrays are checked as they are read).
    init(bytes: ImageBytes, reader r: inout ByteReader, items: [ServiceItem]) throws(CatalogueImageError) {
        self.bytes = bytes
        let itemCount = items.count
        itemPositions = ServiceCatalogue.index(items.map(\.id))
        itemDomains = items.map { ItemDomain(itemID: $0.id, domainID: $0.domainID) }
        let count = try r.int()
        let recordsLength = try r.int()
        recordsStart = r.position
        try r.skip(recordsLength, checking: false)      // each record's blocks are checked when it is read
        recordStarts = try r.uncheckedRegion(of: UInt32.self)
        byID = try r.uncheckedRegion(of: UInt32.self)
        itemRunStarts = try r.region(of: UInt32.self)
        itemPoints = try r.uncheckedRegion(of: UInt32.self)
        coordinateLike = try r.uncheckedRegion(of: UInt32.self)
        tallyCount = try r.int()
        let talliesLength = try r.int()
        talliesStart = r.position
        try r.skip(talliesLength, checking: false)
        let extrasLength = try r.int()
        extrasStart = r.position
        try r.skip(extrasLength, checking: false)
        guard recordStarts.count == (count + 1) * 4, byID.count == count * 4, itemRunStarts.count == (itemCount + 1) * 4 else {
            throw .malformed("point tables")
        }
        self.count = count
        self.recordsLength = recordsLength
        reader = r
        guard Self.entry(recordStarts, 0, in: bytes) == 0, Self.entry(recordStarts, count, in: bytes) == recordsLength,
              Self.u32(itemRunStarts, 0) == 0, Int(Self.u32(itemRunStarts, itemCount)) * 4 == itemPoints.count,
              ByteReader.ascending(itemRunStarts, count: itemCount + 1) else {
            throw .malformed("point tables")
        }
    }

    private static func u32(_ region: UnsafeRawBufferPointer, _ i: Int) -> UInt32 {
        UInt32(littleEndian: region.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }

    /// Entry `i` of the array at `table`, its block checked; nil when it is not there or its
    /// block fails its check.
    private static func entry(_ table: Range<Int>, _ i: Int, in bytes: ImageBytes) -> Int? {
        let at = table.lowerBound + i * 4
        guard i >= 0, at + 4 <= table.upperBound, bytes.verify(at..<(at + 4)) else { return nil }
        return Int(UInt32(littleEndian: bytes.buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    /// Entries `range` of the array at `table`, their blocks checked and each below `limit`; nil
    /// when they are not.
    private func entries(_ table: Range<Int>, _ range: Range<Int>, below limit: Int) -> [Int]? {
        let region = (table.lowerBound + range.lowerBound * 4)..<(table.lowerBound + range.upperBound * 4)
        guard range.lowerBound >= 0, region.upperBound <= table.upperBound, bytes.verify(region) else { return nil }
        let values = UnsafeRawBufferPointer(rebasing: bytes.buffer[region])
        guard ByteReader.allBelow(values, count: range.count, limit: limit) else { return nil }
        return (0..<range.count).map { Int(Self.u32(values, $0)) }
    }

    /// Where the record of the point at `index` starts, its entry checked; nil when it fails.
    private func recordStart(_ index: Int) -> Int? {
        guard let start = Self.entry(recordStarts, index, in: bytes), start <= recordsLength else { return nil }
        return recordsStart + start
    }

    /// The point at `index`. A record that does not decode (the section passed its checksum, so
    /// only a writer's fault could cause it) comes back as a point that says so, never a crash.
    func point(at index: Int) -> ServicePoint { point(at: index, reader: reader) }

    private func point(at index: Int, reader: ByteReader) -> ServicePoint {
        var r = reader
        do {
            guard let start = recordStart(index) else { throw CatalogueImageError.damagedBlock }
            try r.seek(to: start)
            return try ServiceCatalogue.readPoint(&r)
        } catch {
            return ServicePoint(id: "#\(index + 1)", name: CatalogueImageError.damagedRecordTitle, typeID: "",
                                itemIDs: [], subdistrictCode: nil, community: nil, address: nil, phone: nil, hours: nil,
                                location: nil, sourceDatum: nil, sourceCoordinate: nil, note: "\(error)", provenance: .sample)
        }
    }

    /// The points' tallies (`PointTally`), as stored.
    func tallies() throws(CatalogueImageError) -> [PointTally] {
        var r = reader
        try r.seek(to: talliesStart)
        var tallies: [PointTally] = []
        tallies.reserveCapacity(min(tallyCount, count))
        for _ in 0..<tallyCount { tallies.append(try ServiceCatalogue.readTally(&r)) }
        return tallies
    }

    /// The number of points serving each domain, as stored.
    func domainCounts() throws(CatalogueImageError) -> [String: Int] {
        var r = reader
        try r.seek(to: extrasStart)
        var counts: [String: Int] = [:]
        for _ in 0..<(try r.count()) {
            let domainID = try r.string()
            counts[domainID] = try r.int()
        }
        return counts
    }

    /// The nearby index's tables, read in place: their ids and the grid's layout decoded, each
    /// array borrowed where it lies, not copied nor checked: the index checks the blocks of the
    /// slots a query reads (`NearbyIndex.Slots.check`). Nil when an array is not aligned for its
    /// values, or on a big-endian machine.
    func nearbyTables() -> NearbyIndex.Tables? {
        #if _endian(big)
        return nil
        #else
        var r = reader
        do {
            try r.seek(to: extrasStart)
            for _ in 0..<(try r.count()) { _ = try r.int(); _ = try r.int() }
            let domainIDs = try r.strings(), typeIDs = try r.strings(), subdistrictCodes = try r.strings()
            let itemIDs = try r.strings()
            let (count, rows, columns, tileSize) = (try r.int(), try r.int(), try r.int(), try r.int())
            let layout = SpatialGrid.Layout(count: count, rows: rows, columns: columns,
                                            cellSizeMetres: try r.double(), southLatitude: try r.double(),
                                            westLongitude: try r.double(), cellLatitudeDegrees: try r.double(),
                                            cellLongitudeDegrees: try r.double(), tileSize: tileSize)
            let bytes = self.bytes
            func column<T: FixedWidthInteger>(_: T.Type) throws(CatalogueImageError) -> FlatArray<T> {
                try bytes.borrowed(try r.uncheckedRegion(of: T.self), as: T.self)
            }
            func doubles() throws(CatalogueImageError) -> FlatArray<Double> {
                guard let doubles = try column(UInt64.self).reinterpreted(as: Double.self) else { throw .malformed("doubles") }
                return doubles
            }
            let cellStart = try column(Int32.self), latitudes = try doubles(), longitudes = try doubles()
            let slots = NearbyIndex.Slots(point: try column(Int32.self), domain: try column(Int32.self),
                                          type: try column(Int32.self), subdistrict: try column(Int32.self),
                                          idRank: try column(Int32.self), itemStarts: try column(Int32.self),
                                          items: try column(Int32.self))
            return NearbyIndex.Tables(domainIDs: domainIDs, typeIDs: typeIDs, subdistrictCodes: subdistrictCodes,
                                      itemIDs: itemIDs, layout: layout, cellStart: cellStart, latitudes: latitudes,
                                      longitudes: longitudes, slots: slots, bytes: bytes)
        } catch {
            return nil
        }
        #endif
    }

    /// Every point, in catalogue order.
    func all() -> [ServicePoint] {
        let everyString = (try? reader.decodingEveryString()) ?? reader
        return (0..<count).map { point(at: $0, reader: everyString) }
    }

    /// Every point's type, subdistrict and items as positions (`PointPositions`), found for each
    /// distinct string once: the records are read as numbers, no text is decoded per point. Nil
    /// when a record does not decode (the caller decodes the points instead).
    func positions(type: (String) -> Int32, subdistrict: (String?) -> Int32, item: (String) -> Int32) -> PointPositions? {
        var typeOf: [Int: Int32] = [:], subdistrictOf: [Int: Int32] = [:], itemOf: [Int: Int32] = [:]
        var positions = PointPositions()
        positions.type.reserveCapacity(count)
        positions.subdistrict.reserveCapacity(count)
        positions.itemStarts.reserveCapacity(count + 1)
        positions.locations.reserveCapacity(count)
        var r = reader
        var items: [Int32] = []
        guard bytes.verify(recordStarts) else { return nil }
        let starts = UnsafeRawBufferPointer(rebasing: bytes.buffer[recordStarts])
        do {
            for index in 0..<count {
                try r.seek(to: recordsStart + Int(Self.u32(starts, index)))
                _ = try r.int(); _ = try r.int()                  // id, name
                let typeNumber = try r.int()
                items.removeAll(keepingCapacity: true)
                for _ in 0..<(try r.count()) {
                    let number = try r.int()
                    if let known = itemOf[number] { items.append(known); continue }
                    let position = item(try r.string(number: number))
                    itemOf[number] = position
                    items.append(position)
                }
                let subdistrictNumber = try r.int()             // 0 for none, else the string's number + 1
                for _ in 0..<4 { _ = try r.int() }              // community, address, phone, hours
                let location = try r.coordinate()
                if typeOf[typeNumber] == nil { typeOf[typeNumber] = type(try r.string(number: typeNumber)) }
                if subdistrictOf[subdistrictNumber] == nil {
                    subdistrictOf[subdistrictNumber] = subdistrict(subdistrictNumber == 0 ? nil : try r.string(number: subdistrictNumber - 1))
                }
                positions.append(type: typeOf[typeNumber] ?? -1, subdistrict: subdistrictOf[subdistrictNumber] ?? -1,
                                 items: items, location: location)
            }
        } catch {
            return nil
        }
        return positions
    }

    /// Each point's rank in the id order, from the stored order: no comparison at all (the ids
    /// compared, as when the image was written, if the stored order fails its check).
    func idRanks() -> [Int32] {
        var ranks = [Int32](repeating: 0, count: count)
        guard let order = entries(byID, 0..<count, below: count) else {
            let ids = (0..<count).map { id(at: $0) ?? "" }
            for (rank, index) in ids.indices.sorted(by: { ids[$0] == ids[$1] ? $0 < $1 : ids[$0] < ids[$1] }).enumerated() {
                ranks[index] = Int32(rank)
            }
            return ranks
        }
        for (rank, index) in order.enumerated() { ranks[index] = Int32(rank) }
        return ranks
    }

    /// The id of the point at `index` (a record starts with its id's string number).
    private func id(at index: Int) -> String? {
        var r = reader
        guard let start = recordStart(index), (try? r.seek(to: start)) != nil else { return nil }
        return try? r.string()
    }

    /// The point at position `rank` of the stored id order, its entry checked; nil when it fails.
    private func point(ranked rank: Int) -> Int? {
        guard let index = Self.entry(byID, rank, in: bytes), index < count else { return nil }
        return index
    }

    /// The position of the first point with this id, by binary search over the id order (the
    /// order and equality of `String`, as the array's dictionary lookup has them); by reading
    /// every id when an entry the search reads fails its check.
    func index(ofID id: String) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            guard let index = point(ranked: middle), let candidate = self.id(at: index) else { return firstIndex(ofID: id) }
            if candidate < id { low = middle + 1 } else { high = middle }
        }
        guard low < count else { return nil }
        guard let index = point(ranked: low), let found = self.id(at: index) else { return firstIndex(ofID: id) }
        return found == id ? index : nil
    }

    private func firstIndex(ofID id: String) -> Int? {
        (0..<count).first { self.id(at: $0) == id }
    }

    /// Positions of the points whose id or name, as a place key, reads like coordinates (found
    /// from the points themselves if the stored list fails its check).
    func pointsKeyedLikeCoordinates() -> [Int] {
        entries(coordinateLike, 0..<(coordinateLike.count / 4), below: count)
            ?? ServiceCatalogue.pointsKeyedLikeCoordinates(all())
    }

    /// Positions of the points serving the item, in catalogue order ([] for an unknown item;
    /// found from the points themselves if the stored run fails its check).
    func pointIndices(servingItem itemID: String) -> [Int] {
        guard let itemPosition = itemPositions[itemID] else { return [] }
        let start = Int(Self.u32(itemRunStarts, itemPosition)), end = Int(Self.u32(itemRunStarts, itemPosition + 1))
        return entries(itemPoints, start..<end, below: count)
            ?? (0..<count).filter { point(at: $0).itemIDs.contains(itemID) }
    }

    /// The tables `ServiceCatalogue.image` writes after the records and their starts: the id
    /// order (equal ids in catalogue order, so a lookup finds the first), the points serving each
    /// item, and the points keyed like coordinates.
    static func tables(points: [ServicePoint], items: [ServiceItem])
        -> (byID: [UInt32], itemRunStarts: [UInt32], itemPoints: [UInt32], coordinateLike: [UInt32]) {
        // Ids usually come in order already (P0001, P0002, …): one pass tells, and saves the sort.
        let inOrder = points.indices.dropFirst().allSatisfy { points[$0 - 1].id < points[$0].id }
        let byID = inOrder ? points.indices.map { UInt32($0) } : points.indices.sorted { a, b in
            points[a].id == points[b].id ? a < b : points[a].id < points[b].id
        }.map { UInt32($0) }
        let itemPosition = ServiceCatalogue.index(items.map(\.id))
        var serving = [[UInt32]](repeating: [], count: items.count)
        for (i, point) in points.enumerated() {
            var seen = Set<Int>()
            for itemID in point.itemIDs {
                if let position = itemPosition[itemID], seen.insert(position).inserted { serving[position].append(UInt32(i)) }
            }
        }
        var runStarts: [UInt32] = [0]
        for run in serving { runStarts.append(runStarts[runStarts.count - 1] + UInt32(run.count)) }
        return (byID, runStarts, serving.flatMap { $0 }, ServiceCatalogue.pointsKeyedLikeCoordinates(points).map { UInt32($0) })
    }
}
