import Geodesy

/// A whole catalogue as values, with lookups by id. Standard bodies are not held here; they are
/// read on demand through a `StandardBodySource`.
public struct ServiceCatalogue: Sendable {
    public var metadata: CatalogueMetadata
    public var sources: [SourceInfo] { didSet { sourceIndex = Self.index(sources.map(\.id)) } }
    public var pointTypes: [PointType] { didSet { typeIndex = Self.index(pointTypes.map(\.id)) } }
    public var domains: [Domain] { didSet { domainIndex = Self.index(domains.map(\.id)) } }
    public var items: [ServiceItem] { didSet { itemIndex = Self.index(items.map(\.id)) } }
    /// Every point, in catalogue order. A catalogue read from its compiled image decodes them
    /// all on the first use of this property; `point(_:)`, `point(at:)`, `pointCount` and
    /// `points(servingItem:)` decode only what they return.
    public var points: [ServicePoint] {
        get { pointStore.values }
        set {
            pointStore = PointStore(values: newValue)
            pointIndex = Self.index(newValue.map(\.id))
        }
    }
    private var pointStore: PointStore
    /// Every standard text, in catalogue order. A catalogue read from its compiled image decodes
    /// them on the first use of this property or of `standard(_:)`, not when it is opened.
    public var standards: [StandardText] {
        get { standardStore.values }
        set { standardStore = RecordList(values: newValue, id: \.id) }
    }
    private var standardStore: RecordList<StandardText>
    public var subdistricts: [Subdistrict] { didSet { subdistrictIndex = Self.index(subdistricts.map(\.code)) } }
    public var landmarks: [Landmark]
    /// The district boundary (empty when the catalogue has none).
    public var boundary: Boundary
    /// The hand-drawn polygons of the subdistricts, in file order; a catalogue may have none.
    public var subdistrictBoundaries: [SubdistrictBoundary]

    private var domainIndex: [String: Int] = [:]
    private var itemIndex: [String: Int] = [:]
    private var pointIndex: [String: Int] = [:]
    private var typeIndex: [String: Int] = [:]
    private var subdistrictIndex: [String: Int] = [:]
    private var sourceIndex: [String: Int] = [:]

    public init(metadata: CatalogueMetadata, sources: [SourceInfo], pointTypes: [PointType],
                domains: [Domain], items: [ServiceItem], points: [ServicePoint],
                standards: [StandardText], subdistricts: [Subdistrict], landmarks: [Landmark],
                boundary: Boundary = Boundary(polygons: []), subdistrictBoundaries: [SubdistrictBoundary] = []) {
        self.init(metadata: metadata, sources: sources, pointTypes: pointTypes, domains: domains, items: items,
                  points: PointStore(values: points), standards: RecordList(values: standards, id: \.id), subdistricts: subdistricts,
                  landmarks: landmarks, boundary: boundary, subdistrictBoundaries: subdistrictBoundaries)
    }

    init(metadata: CatalogueMetadata, sources: [SourceInfo], pointTypes: [PointType],
         domains: [Domain], items: [ServiceItem], points: PointStore,
         standards: RecordList<StandardText>, subdistricts: [Subdistrict], landmarks: [Landmark],
         boundary: Boundary, subdistrictBoundaries: [SubdistrictBoundary]) {
        self.metadata = metadata
        self.sources = sources
        self.pointTypes = pointTypes
        self.domains = domains
        self.items = items
        pointStore = points
        standardStore = standards
        self.subdistricts = subdistricts
        self.landmarks = landmarks
        self.boundary = boundary
        self.subdistrictBoundaries = subdistrictBoundaries
        domainIndex = Self.index(domains.map(\.id))
        itemIndex = Self.index(items.map(\.id))
        if points.image == nil { pointIndex = Self.index(points.values.map(\.id)) }
        typeIndex = Self.index(pointTypes.map(\.id))
        subdistrictIndex = Self.index(subdistricts.map(\.code))
        sourceIndex = Self.index(sources.map(\.id))
    }

    /// Each id's first position (later duplicates are left out, as a lookup finds the first).
    static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (offset, id) in ids.enumerated() where result[id] == nil { result[id] = offset }
        return result
    }

    public func domain(_ id: String) -> Domain? { domainIndex[id].map { domains[$0] } }
    public func item(_ id: String) -> ServiceItem? { itemIndex[id].map { items[$0] } }
    public func point(_ id: String) -> ServicePoint? {
        if let image = pointStore.image { return image.index(ofID: id).map(pointStore.point(at:)) }
        return pointIndex[id].map { pointStore.point(at: $0) }
    }

    /// The point at a position in `points`, decoding no other.
    public func point(at index: Int) -> ServicePoint { pointStore.point(at: index) }

    /// How many points there are, decoding none.
    public var pointCount: Int { pointStore.count }
    public func standard(_ id: String) -> StandardText? { standardStore.record(id) }
    public func pointType(_ id: String) -> PointType? { typeIndex[id].map { pointTypes[$0] } }
    public func subdistrict(_ code: String) -> Subdistrict? { subdistrictIndex[code].map { subdistricts[$0] } }
    public func source(_ id: String) -> SourceInfo? { sourceIndex[id].map { sources[$0] } }

    /// The first subdistrict polygon (in file order) that holds the coordinate; nil when none does.
    public func subdistrictBoundary(containing c: GeoCoordinate) -> SubdistrictBoundary? {
        subdistrictBoundaries.first { $0.contains(c) }
    }

    /// Items of a domain, in catalogue order.
    public func items(inDomain domainID: String) -> [ServiceItem] {
        items.filter { $0.domainID == domainID }
    }

    /// Points that provide an item, in catalogue order.
    public func points(servingItem itemID: String) -> [ServicePoint] {
        pointIndices(servingItem: itemID).map(pointStore.point(at:))
    }

    /// Every point's type, subdistrict and items as positions, and its location; a compiled
    /// catalogue whose points are not decoded yet reads them without decoding the points' texts.
    public func pointPositions() -> PointPositions {
        let typePosition = { (id: String) in Int32(self.typeIndex[id] ?? -1) }
        let subdistrictPosition = { (code: String?) in Int32(code.flatMap { self.subdistrictIndex[$0] } ?? -1) }
        let itemPosition = { (id: String) in Int32(self.itemIndex[id] ?? -1) }
        if let image = pointStore.image, pointStore.decodedValues == nil,
           let positions = image.positions(type: typePosition, subdistrict: subdistrictPosition, item: itemPosition) {
            return positions
        }
        var positions = PointPositions()
        for p in points {
            positions.append(type: typePosition(p.typeID), subdistrict: subdistrictPosition(p.subdistrictCode),
                             items: p.itemIDs.map(itemPosition), location: p.location)
        }
        return positions
    }

    /// The points grouped by what `fuwu stats` counts (`PointTally`); a compiled catalogue has
    /// them stored.
    public func pointTallies() -> [PointTally] {
        if let image = pointStore.image, let tallies = try? image.tallies() { return tallies }
        return PointTally.of(points)
    }

    /// Positions of the points whose id or name, keyed as the location resolver keys place names,
    /// reads like coordinates: the only points that can stand for text that reads like coordinates.
    public func pointIndicesKeyedLikeCoordinates() -> [Int] {
        if let image = pointStore.image { return image.pointsKeyedLikeCoordinates() }
        return Self.pointsKeyedLikeCoordinates(points)
    }

    static func pointsKeyedLikeCoordinates(_ points: [ServicePoint]) -> [Int] {
        // Coordinates start with a digit or a sign, and keying (lower case, NFC, full-width forms
        // folded, spaces set aside) makes no digit or sign of anything else: a text whose first
        // other scalar is neither (a Han name, a letter) is not keyed like coordinates.
        func mayStartCoordinates(_ text: String) -> Bool {
            let first = text.unicodeScalars.first {
                let p = $0.properties
                return !(p.isWhitespace || p.isDefaultIgnorableCodePoint || p.generalCategory == .control || p.generalCategory == .format)
            }
            guard let first else { return false }
            return first.properties.numericType != nil || "+-.\u{FF0B}\u{FF0D}\u{FF0E}".unicodeScalars.contains(first)
        }
        func keyedLikeCoordinates(_ text: String) -> Bool {
            mayStartCoordinates(text) && CoordinateParser.looksLikeCoordinates(LocationResolver.key(text))
        }
        return points.indices.filter { keyedLikeCoordinates(points[$0].id) || keyedLikeCoordinates(points[$0].name) }
    }

    /// The nearby index a compiled catalogue stores, while its points are those it was compiled
    /// with (`NearbyIndex.init(catalogue:tables:)` checks the rest).
    func storedNearbyTables() -> NearbyIndex.Tables? {
        pointStore.image?.nearbyTables()
    }

    /// Each point's rank when the points are ordered by id (ties in catalogue order).
    public func pointIDRanks() -> [Int32] {
        if let image = pointStore.image { return image.idRanks() }
        let all = points
        var ranks = [Int32](repeating: 0, count: all.count)
        for (rank, index) in all.indices.sorted(by: { all[$0].id < all[$1].id }).enumerated() { ranks[index] = Int32(rank) }
        return ranks
    }

    /// Positions in `points` of the points that provide an item, in catalogue order.
    public func pointIndices(servingItem itemID: String) -> [Int] {
        if let image = pointStore.image { return image.pointIndices(servingItem: itemID) }
        let all = points
        return all.indices.filter { all[$0].itemIDs.contains(itemID) }
    }

    /// How many points serve each item (items no point serves are absent), in one pass over the
    /// points instead of one per item.
    public func pointCountsByItem() -> [String: Int] {
        var counts: [String: Int] = [:]
        if let image = pointStore.image {
            for item in items where counts[item.id] == nil {
                let count = image.pointIndices(servingItem: item.id).count
                if count > 0 { counts[item.id] = count }
            }
            return counts
        }
        for point in points {
            for itemID in Set(point.itemIDs) { counts[itemID, default: 0] += 1 }
        }
        return counts
    }

    /// How many distinct points serve any item of each domain (domains with none are absent).
    public func pointCountsByDomain() -> [String: Int] {
        var counts: [String: Int] = [:]
        if let image = pointStore.image,
           image.itemDomains == items.map({ PointImage.ItemDomain(itemID: $0.id, domainID: $0.domainID) }),
           let stored = try? image.domainCounts() {
            return stored
        }
        if pointStore.image != nil {
            // One mark per point: the last domain that counted it, the items taken domain by domain.
            var lastDomain = [Int32](repeating: -1, count: pointCount)
            var domainOrder: [String] = [], itemsOfDomain: [String: [String]] = [:]
            for item in items {
                if itemsOfDomain[item.domainID] == nil { domainOrder.append(item.domainID) }
                itemsOfDomain[item.domainID, default: []].append(item.id)
            }
            for (number, domainID) in domainOrder.enumerated() {
                for itemID in itemsOfDomain[domainID] ?? [] {
                    for point in pointIndices(servingItem: itemID) where lastDomain[point] != Int32(number) {
                        lastDomain[point] = Int32(number)
                        counts[domainID, default: 0] += 1
                    }
                }
            }
            return counts
        }
        var domainOfItem: [String: String] = [:]
        for item in items { domainOfItem[item.id] = item.domainID }
        for point in points {
            for domainID in Set(point.itemIDs.compactMap { domainOfItem[$0] }) { counts[domainID, default: 0] += 1 }
        }
        return counts
    }

    /// Standard texts of an item, in the order the item lists them.
    public func standards(forItem itemID: String) -> [StandardText] {
        item(itemID)?.standardIDs.compactMap { standard($0) } ?? []
    }

    /// The domain a point belongs to through its type.
    public func domainID(ofPoint point: ServicePoint) -> String? {
        pointType(point.typeID)?.domainID
    }
}

/// Reads a standard text's body on demand (the compiled store implements it; tests use values).
public protocol StandardBodySource: Sendable {
    /// The Markdown body of the text with this id.
    func body(ofStandard id: String) throws -> String
}
