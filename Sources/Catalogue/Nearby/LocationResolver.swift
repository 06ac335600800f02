import Geodesy

/// Turns what a user types for "where I am" into a WGS-84 origin: coordinates in a stated datum,
/// a service point (id or name), a metro station, a subdistrict (its centre) or a community.
///
/// Names match loosely — exact, then without a trailing 站/地铁站/街道/社区, then prefix, then
/// substring, then the pluggable `alternativeMatch` (pinyin) — and only the best tier counts: one
/// place there resolves, several are reported as ambiguous with the candidates.
public struct LocationResolver: Sendable {
    /// Scores a place name against typed text by other means, such as pinyin: nil for no match,
    /// otherwise higher is better, and only the best-scoring names count.
    public typealias AlternativeMatch = @Sendable (_ text: String, _ name: String) -> Int?

    /// How many candidates an ambiguity error lists.
    public static let listedCandidateLimit = 10

    public let catalogue: ServiceCatalogue
    /// The region coordinates must fall in (Shenzhen).
    public let region: GeoRegion
    private let alternativeMatch: AlternativeMatch?
    private let places: [Place]

    private struct Place: Sendable {
        var candidate: LocationCandidate
        /// Keys compared whole (ids, codes, names).
        var keys: [String]
        /// Names with their suffix set aside.
        var stems: [String]
        /// Original names handed to the alternative matcher.
        var names: [String]
        /// Whether the place counts as a station for a query ending in 站.
        var isStation: Bool { candidate.kind == .landmark }
        /// True when every key and stem is its own key (`isOwnKey`), so comparing bytes will do.
        var isPlain = false

        init(candidate: LocationCandidate, keys: [String], stems: [String], names: [String]) {
            self.candidate = candidate
            self.keys = keys
            self.stems = stems
            self.names = names
            isPlain = keys.allSatisfy(LocationResolver.isOwnKey) && stems.allSatisfy(LocationResolver.isOwnKey)
        }
    }

    public init(catalogue: ServiceCatalogue, region: GeoRegion = .shenzhen, alternativeMatch: AlternativeMatch? = nil) {
        self.catalogue = catalogue
        self.region = region
        self.alternativeMatch = alternativeMatch
        var places: [Place] = []
        for landmark in catalogue.landmarks {
            places.append(Place(candidate: LocationCandidate(kind: .landmark, id: landmark.id, name: landmark.name,
                                                             location: landmark.location),
                                keys: [Self.key(landmark.id), Self.key(landmark.name)],
                                stems: [Self.stem(Self.key(landmark.name))], names: [landmark.name]))
        }
        for subdistrict in catalogue.subdistricts {
            places.append(Place(candidate: LocationCandidate(kind: .subdistrict, id: subdistrict.code, name: subdistrict.name,
                                                             location: subdistrict.centre),
                                keys: [Self.key(subdistrict.code), Self.key(subdistrict.name), Self.key(subdistrict.pinyin)],
                                stems: [Self.stem(Self.key(subdistrict.name))], names: [subdistrict.name]))
            for community in subdistrict.communities {
                places.append(Place(candidate: LocationCandidate(kind: .community, id: subdistrict.code, name: community,
                                                                 location: nil, subdistrictName: subdistrict.name),
                                    keys: [Self.key(community)], stems: [Self.stem(Self.key(community))], names: [community]))
            }
        }
        for point in catalogue.points {
            places.append(Place(candidate: LocationCandidate(kind: .servicePoint, id: point.id, name: point.name,
                                                             location: point.location),
                                keys: [Self.key(point.id), Self.key(point.name)],
                                stems: [Self.stem(Self.key(point.name))], names: [point.name]))
        }
        self.places = places
    }

    /// Resolves a location; coordinates are read in `datum` and `order`, then converted to WGS-84.
    public func resolve(_ text: String, datum: Datum = .wgs84,
                        order: CoordinateOrder = .latitudeFirst) throws(NearbyError) -> ResolvedLocation {
        let trimmed = Self.key(text)
        if trimmed.isEmpty { throw .emptyLocation }
        if CoordinateParser.looksLikeCoordinates(text) {
            let read: GeoCoordinate
            do { read = try CoordinateParser.parse(text, order: order) } catch { throw .coordinates(error) }
            let origin = DatumTransform.convert(read, from: datum, to: .wgs84)
            do { try region.validate(origin) } catch { throw .coordinates(error) }
            return ResolvedLocation(source: .coordinates, origin: origin, datumRead: datum, coordinateRead: read)
        }
        let (best, runnersUp) = matches(for: text)
        guard let first = best.first else { throw .noPlaceMatches(Self.trimmed(text)) }
        if best.count > 1 {
            throw .ambiguousPlace(Self.trimmed(text), candidates: Array(best.prefix(Self.listedCandidateLimit)),
                                  total: best.count)
        }
        switch first.kind {
        case .community:
            // Communities have no coordinates of their own: their representative point is their
            // subdistrict's centre, and the note says so wherever the origin is shown.
            guard let subdistrict = catalogue.subdistrict(first.id), let centre = subdistrict.centre else {
                throw .communityHasNoLocation(community: first.name, subdistrict: first.subdistrictName)
            }
            return ResolvedLocation(source: .place(first), origin: centre, datumRead: .wgs84, coordinateRead: centre,
                                    alsoMatched: runnersUp, note: subdistrict.centreNote)
        case .servicePoint, .landmark, .subdistrict:
            guard let location = first.location else { throw .placeHasNoLocation(first) }
            let note = first.kind == .subdistrict ? catalogue.subdistrict(first.id)?.centreNote : nil
            return ResolvedLocation(source: .place(first), origin: location, datumRead: .wgs84, coordinateRead: location,
                                    alsoMatched: runnersUp, note: note)
        }
    }

    /// Every place name the resolver matches against (stations, subdistricts, communities, points),
    /// for building an alternative matcher over them.
    public static func placeNames(of catalogue: ServiceCatalogue) -> [String] {
        catalogue.landmarks.map(\.name) + catalogue.subdistricts.flatMap { [$0.name] + $0.communities } + catalogue.points.map(\.name)
    }

    /// The places a name matches in its best tier (catalogue order: stations, subdistricts with
    /// their communities, points), and those of the next exact tier when the best was `.exact`.
    public func matches(for text: String) -> (best: [LocationCandidate], alsoMatched: [LocationCandidate]) {
        var query = Self.key(text)
        var stationOnly = false
        for suffix in ["地铁站", "站"] where query.hasSuffix(suffix) && query.count > suffix.count {
            query = String(query.dropLast(suffix.count))
            stationOnly = true
            break
        }
        let queryStem = Self.stem(query)
        var tiers: [(NameMatchTier, LocationCandidate)] = []
        for place in places {
            if let tier = tier(of: place, query: query, queryStem: queryStem) { tiers.append((tier, place.candidate)) }
        }
        // The alternative (pinyin) is consulted only when nothing matched the text itself.
        if tiers.isEmpty, let alternativeMatch {
            var best = Int.min
            var scored: [(Int, LocationCandidate)] = []
            for place in places {
                guard let score = place.names.compactMap({ alternativeMatch(text, $0) }).max() else { continue }
                scored.append((score, place.candidate))
                best = max(best, score)
            }
            tiers = scored.filter { $0.0 == best }.map { (.alternative, $0.1) }
        }
        // A query ending in 站 means a station when one matches.
        if stationOnly, tiers.contains(where: { $0.1.kind == .landmark }) {
            tiers = tiers.filter { $0.1.kind == .landmark }
        }
        guard let bestTier = tiers.map(\.0).min() else { return ([], []) }
        let best = tiers.filter { $0.0 == bestTier }.map(\.1)
        // A bare name (福田) may mean the station or the subdistrict: name the other; a name with its
        // suffix (福田街道) was explicit.
        let also = bestTier == .exact && query == queryStem && !stationOnly
            ? tiers.filter { $0.0 == .exactWithoutSuffix }.map(\.1) : []
        return (best, also)
    }

    private func tier(of place: Place, query: String, queryStem: String) -> NameMatchTier? {
        if place.isPlain, !query.isEmpty, Self.isOwnKey(query), Self.isOwnKey(queryStem) {
            // Same answers as below: these characters never combine or fold, so bytes are characters.
            if place.keys.contains(where: { $0.utf8.elementsEqual(query.utf8) }) { return .exact }
            if place.stems.contains(where: { $0.utf8.elementsEqual(queryStem.utf8) }) { return .exactWithoutSuffix }
            if place.keys.contains(where: { $0.utf8.starts(with: query.utf8) }) { return .prefix }
            if place.keys.contains(where: { Self.bytes(of: $0, contain: query) }) { return .substring }
            return nil
        }
        if place.keys.contains(query) { return .exact }
        if place.stems.contains(queryStem) { return .exactWithoutSuffix }
        if place.keys.contains(where: { $0.hasPrefix(query) }) { return .prefix }
        if place.keys.contains(where: { $0.contains(query) }) { return .substring }
        return nil
    }

    /// Lower-cased, full-width ASCII folded, white space removed.
    static func key(_ text: String) -> String {
        // Most names (Han characters, CJK punctuation, lower-case ASCII) are their own key; telling
        // so costs a scan of the bytes, far less than `lowercased()` (the resolver keys every place
        // name of the catalogue on each start).
        if isOwnKey(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// True when `text` has only lower-case printable ASCII other than the space, CJK symbols and
    /// punctuation other than the ideographic space (U+3001–303F) and CJK unified ideographs
    /// (U+3400–9FFF): characters that have no case, are not white space and never combine, so
    /// `key` leaves them as they are and comparing their bytes is comparing their characters.
    static func isOwnKey(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x21...0x40, 0x5B...0x7E, 0x3001...0x303F, 0x3400...0x9FFF: continue
            default: return false
            }
        }
        return true
    }

    /// True when the UTF-8 of `text` contains that of `part` (non-empty).
    static func bytes(of text: String, contain part: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(part.utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// A key with one trailing 地铁站, 站, 街道 or 社区 removed (never down to nothing).
    static func stem(_ key: String) -> String {
        for suffix in ["地铁站", "站", "街道", "社区"] where key.hasSuffix(suffix) && key.count > suffix.count {
            return String(key.dropLast(suffix.count))
        }
        return key
    }

    private static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
