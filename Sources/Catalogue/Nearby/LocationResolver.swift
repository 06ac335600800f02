import Foundation
import Geodesy

/// Turns what a user types for "where I am" into a WGS-84 origin: coordinates in a stated datum,
/// a service point (id or name), a metro station, a subdistrict (its centre) or a community.
///
/// Names match loosely — exact, then without a trailing 站/地铁站/街道/社区, then prefix, then
/// substring, then the pluggable `alternativeMatch` (pinyin) — and only the best tier counts: one
/// place there resolves, several are reported as ambiguous with the candidates.
public struct LocationResolver: Sendable {
    /// Prepares, for typed text, a scorer of place names by other means, such as pinyin: the
    /// scorer gives nil for no match, otherwise higher is better, and only the best-scoring names
    /// count. Whatever depends on the text alone (folding it, scanning an index) is done once
    /// here, not once a name.
    public typealias AlternativeMatch = @Sendable (_ text: String) -> NameScorer
    /// Scores one place name against the text an `AlternativeMatch` was prepared for.
    public typealias NameScorer = (_ name: String) -> Int?

    /// How many candidates an ambiguity error lists.
    public static let listedCandidateLimit = 10

    /// The most characters a location text may have: longer than any place name (the longest
    /// in the Futian catalogue has 43) or coordinate pair, so longer text cannot mean a place;
    /// `resolve` refuses it and `matches(for:)` finds nothing for it.
    public static let maximumTextLength = 100

    public let catalogue: ServiceCatalogue
    /// The region coordinates must fall in (Shenzhen).
    public let region: GeoRegion
    private var alternativeMatch: AlternativeMatch?
    private let places: [Place]
    /// Every place's keys, one after another, as UTF-8: lower-cased NFC text (`key`), so that
    /// equality, prefix and substring tests compare characters without Foundation's locale-aware
    /// search (UTF-8 never matches inside a scalar). Stored flat, so that keying the ~2500 places
    /// of the catalogue on each start allocates nothing per place.
    private let keyBytes: [UInt8]
    /// Where each key starts in `keyBytes`; one more entry than keys, so key `k` is
    /// `keyStarts[k]..<keyStarts[k + 1]`.
    private let keyStarts: [Int]
    /// The user's saved places; an exact name here wins over the catalogue.
    public let savedPlaces: [SavedPlace]
    /// The longest key's length in bytes.
    private let longestKeyLength: Int

    /// A place and where its keys are: ids, codes and names compared whole; its name's key is
    /// the last, and its stem (`stem`: the name's key with its suffix set aside) is a prefix of it.
    private struct Place: Sendable {
        var candidate: LocationCandidate
        /// Its keys, as indices into `keyStarts`; the last is the name's.
        var keys: Range<Int>
        /// The byte length of the stem of the name's key.
        var stemLength: Int
    }

    /// Collects places and their keys into the flat arrays.
    private struct PlaceList {
        var places: [Place] = []
        var keyBytes: [UInt8] = []
        var keyStarts: [Int] = [0]

        /// Adds a place keyed by `others` (ids, codes, in that order) and then its name.
        mutating func add(_ candidate: LocationCandidate, others: [String]) {
            let first = keyStarts.count - 1
            for other in others { appendKey(other) }
            let nameKey = LocationResolver.key(candidate.name)
            keyBytes.append(contentsOf: nameKey.utf8)
            keyStarts.append(keyBytes.count)
            let stemLength = LocationResolver.stemLength(ofKey: nameKey)
            places.append(Place(candidate: candidate, keys: first..<(keyStarts.count - 1), stemLength: stemLength))
        }

        /// Appends `key(text)` as UTF-8.
        mutating func appendKey(_ text: String) {
            LocationResolver.appendKey(of: text, to: &keyBytes)
            keyStarts.append(keyBytes.count)
        }
    }

    public init(catalogue: ServiceCatalogue, region: GeoRegion = .shenzhen, alternativeMatch: AlternativeMatch? = nil,
                savedPlaces: [SavedPlace] = []) {
        self.catalogue = catalogue
        self.savedPlaces = savedPlaces
        self.region = region
        self.alternativeMatch = alternativeMatch
        var list = PlaceList()
        let communities = catalogue.subdistricts.reduce(0) { $0 + $1.communities.count }
        let count = catalogue.landmarks.count + catalogue.subdistricts.count + communities + catalogue.points.count
        list.places.reserveCapacity(count)
        list.keyStarts.reserveCapacity(3 * count + 1)
        list.keyBytes.reserveCapacity(40 * count)
        for landmark in catalogue.landmarks {
            list.add(LocationCandidate(kind: .landmark, id: landmark.id, name: landmark.name, location: landmark.location),
                     others: [landmark.id])
        }
        for subdistrict in catalogue.subdistricts {
            list.add(LocationCandidate(kind: .subdistrict, id: subdistrict.code, name: subdistrict.name, location: subdistrict.centre),
                     others: [subdistrict.code, subdistrict.pinyin])
            for community in subdistrict.communities {
                list.add(LocationCandidate(kind: .community, id: subdistrict.code, name: community,
                                           location: nil, subdistrictName: subdistrict.name), others: [])
            }
        }
        for point in catalogue.points {
            list.add(LocationCandidate(kind: .servicePoint, id: point.id, name: point.name, location: point.location),
                     others: [point.id])
        }
        places = list.places
        keyBytes = list.keyBytes
        keyStarts = list.keyStarts
        longestKeyLength = zip(list.keyStarts.dropFirst(), list.keyStarts).map { $0 - $1 }.max() ?? 0
    }

    /// The same resolver with another alternative matcher (the places are shared, not keyed again).
    public func with(alternativeMatch: AlternativeMatch?) -> LocationResolver {
        var copy = self
        copy.alternativeMatch = alternativeMatch
        return copy
    }

    /// Resolves a location; coordinates are read in `datum` and `order`, then converted to WGS-84.
    /// With `detectOrder`, coordinates that fall outside Shenzhen in `order` but inside it the
    /// other way round (Amap's picker copies `114.05,22.54`) are read the other way round, and the
    /// answer says so.
    public func resolve(_ text: String, datum: Datum = .wgs84, order: CoordinateOrder = .latitudeFirst,
                        detectOrder: Bool = true) throws(NearbyError) -> ResolvedLocation {
        let length = text.count
        if length > Self.maximumTextLength { throw .locationTooLong(length: length, limit: Self.maximumTextLength) }
        let trimmed = Self.key(text)
        if trimmed.isEmpty { throw .emptyLocation }
        // A code or id that happens to be all digits (the subdistrict 440304004) is a place.
        let trimmedBytes = Array(trimmed.utf8)
        if CoordinateParser.looksLikeCoordinates(text) && !hasKey(equalTo: trimmedBytes) {
            return try resolveCoordinates(text, datum: datum, order: order, detectOrder: detectOrder)
        }
        if let saved = savedPlaces.first(where: { Self.key($0.name) == trimmed }) {
            // The user's own name wins; the catalogue places it hides are named in the answer.
            let hidden = cataloguePlaces(named: text)
            let candidate = LocationCandidate(kind: .savedPlace, id: saved.name, name: saved.name, location: saved.location)
            return ResolvedLocation(source: .place(candidate), origin: saved.location, datumRead: saved.datumRead,
                                    coordinateRead: saved.coordinateRead, shadowed: hidden)
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
        case .servicePoint, .landmark, .subdistrict, .savedPlace:
            guard let location = first.location else { throw .placeHasNoLocation(first) }
            let note = first.kind == .subdistrict ? catalogue.subdistrict(first.id)?.centreNote : nil
            return ResolvedLocation(source: .place(first), origin: location, datumRead: .wgs84, coordinateRead: location,
                                    alsoMatched: runnersUp, note: note)
        }
    }

    private func resolveCoordinates(_ text: String, datum: Datum, order: CoordinateOrder,
                                    detectOrder: Bool) throws(NearbyError) -> ResolvedLocation {
        let firstError: GeodesyError
        do {
            let read = try CoordinateParser.parse(text, order: order)
            let origin = DatumTransform.convert(read, from: datum, to: .wgs84)
            try region.validate(origin)
            return ResolvedLocation(source: .coordinates, origin: origin, datumRead: datum, coordinateRead: read)
        } catch {
            firstError = error
        }
        switch firstError {
        case .latitudeOutOfRange, .outsideRegion: break
        default: throw .coordinates(firstError)
        }
        guard detectOrder else { throw .coordinates(firstError) }
        let other: CoordinateOrder = order == .latitudeFirst ? .longitudeFirst : .latitudeFirst
        guard let read = try? CoordinateParser.parse(text, order: other) else { throw .neitherOrderInRegion(text: Self.trimmed(text), region: region) }
        let origin = DatumTransform.convert(read, from: datum, to: .wgs84)
        guard region.contains(origin) else { throw .neitherOrderInRegion(text: Self.trimmed(text), region: region) }
        return ResolvedLocation(source: .coordinates, origin: origin, datumRead: datum, coordinateRead: read, orderSwapped: true)
    }

    /// The catalogue places whose name or id equals `name` (ignoring case, width and spaces):
    /// those a saved place of that name hides.
    public func cataloguePlaces(named name: String) -> [LocationCandidate] {
        let key = Array(Self.key(name).utf8)
        return keyBytes.withUnsafeBufferPointer { bytes in
            key.withUnsafeBufferPointer { key in
                places.filter { place in
                    place.keys.contains { keyStarts[$0 + 1] - keyStarts[$0] == key.count && Self.equal(bytes, at: keyStarts[$0], key) }
                }.map(\.candidate)
            }
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
        guard text.count <= Self.maximumTextLength else { return ([], []) }
        var query = Self.key(text)
        var stationOnly = false
        for suffix in ["地铁站", "站"] where query.hasSuffix(suffix) && query.count > suffix.count {
            query = String(query.dropLast(suffix.count))
            stationOnly = true
            break
        }
        let queryBytes = Array(query.utf8)
        let stemBytes = Array(Self.stem(query).utf8)
        var tiers: [(NameMatchTier, LocationCandidate)] = []
        // Text (even without its suffix) longer than every key matches none of them, whole or in part.
        if stemBytes.count <= longestKeyLength {
            keyBytes.withUnsafeBufferPointer { bytes in
                queryBytes.withUnsafeBufferPointer { query in
                    stemBytes.withUnsafeBufferPointer { stem in
                        for place in places {
                            if let tier = tier(place, in: bytes, query: query, stem: stem) { tiers.append((tier, place.candidate)) }
                        }
                    }
                }
            }
        }
        // The alternative (pinyin) is consulted only when nothing matched the text itself.
        if tiers.isEmpty, let alternativeMatch {
            let scorer = alternativeMatch(text)
            var best = Int.min
            var scored: [(Int, LocationCandidate)] = []
            for index in places.indices {
                guard let score = scorer(places[index].candidate.name) else { continue }
                scored.append((score, places[index].candidate))
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
        let also = bestTier == .exact && queryBytes == stemBytes && !stationOnly
            ? tiers.filter { $0.0 == .exactWithoutSuffix }.map(\.1) : []
        return (best, also)
    }

    /// How well a place's keys match the query (and its name's stem the query's stem). Compared
    /// with `memcmp`, not generic collection code, so that a debug build (the smoke tests) answers
    /// a picker keystroke as quickly in proportion as a release build.
    private func tier(_ place: Place, in bytes: UnsafeBufferPointer<UInt8>, query: UnsafeBufferPointer<UInt8>,
                      stem: UnsafeBufferPointer<UInt8>) -> NameMatchTier? {
        let q = query.count
        for k in place.keys where keyStarts[k + 1] - keyStarts[k] == q && Self.equal(bytes, at: keyStarts[k], query) {
            return .exact
        }
        let nameStart = keyStarts[place.keys.upperBound - 1]
        if place.stemLength == stem.count && Self.equal(bytes, at: nameStart, stem) { return .exactWithoutSuffix }
        for k in place.keys where keyStarts[k + 1] - keyStarts[k] >= q && Self.equal(bytes, at: keyStarts[k], query) {
            return .prefix
        }
        for k in place.keys where Self.contains(bytes, from: keyStarts[k], to: keyStarts[k + 1], query) {
            return .substring
        }
        return nil
    }

    /// Whether `bytes` holds `other` at `start` (the caller checks that it fits).
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard other.count > 0 else { return true }
        guard let base = bytes.baseAddress, let otherBase = other.baseAddress else { return false }
        return memcmp(base + start, otherBase, other.count) == 0
    }

    /// Whether `needle` occurs in `bytes[start..<end]`.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                 _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= end - start else { return false }
        var i = start
        while i <= end - needle.count {
            if bytes[i] == first && equal(bytes, at: i, needle) { return true }
            i += 1
        }
        return false
    }

    /// Whether some place has a key equal to `query`.
    private func hasKey(equalTo query: [UInt8]) -> Bool {
        keyBytes.withUnsafeBufferPointer { bytes in
            query.withUnsafeBufferPointer { query in
                (0..<(keyStarts.count - 1)).contains {
                    keyStarts[$0 + 1] - keyStarts[$0] == query.count && Self.equal(bytes, at: keyStarts[$0], query)
                }
            }
        }
    }

    /// How the resolver compares a place name or typed text: lower-cased NFC text, trimmed.
    public static func placeKey(_ text: String) -> String { key(text) }

    /// Lower-cased, full-width ASCII folded, white space removed, composed (NFC).
    static func key(_ text: String) -> String {
        // Most names (Han characters, CJK punctuation, lower-case ASCII) are their own key; telling
        // so costs a scan of the bytes, far less than `lowercased()` (the resolver keys every place
        // name of the catalogue on each start). Most others only need full-width forms folded,
        // ASCII letters lowered or spaces dropped, done on the bytes too.
        if isOwnKey(text) { return text }
        if let folded = foldedOwnKey(text) { return folded }
        return generalKey(text)
    }

    /// `key` by the rules themselves: white space removed, full-width ASCII folded, then
    /// `lowercased()` and NFC.
    static func generalKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased().precomposedStringWithCanonicalMapping
    }

    /// Appends `key(text)` as UTF-8 to `bytes`, without making a string where the text is its
    /// own key or needs only the folding of `foldedOwnKey` (ids such as `P0505`, names with
    /// full-width brackets).
    static func appendKey(of text: String, to bytes: inout [UInt8]) {
        if isOwnKey(text) {
            bytes.append(contentsOf: text.utf8)
        } else if !appendFoldedOwnKey(of: text, to: &bytes) {
            bytes.append(contentsOf: generalKey(text).utf8)
        }
    }

    /// The key of text made only of what `isOwnKey` accepts, upper-case ASCII letters, full-width
    /// ASCII forms (U+FF01–FF5E) and the spaces U+0020 and U+3000: full-width forms folded to
    /// ASCII, ASCII letters lowered, the spaces dropped — which is all `lowercased()`, NFC and the
    /// white-space rule do to such text (none of it composes or has another case). Nil for any
    /// other text.
    static func foldedOwnKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        guard appendFoldedOwnKey(of: text, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `foldedOwnKey(text)` as UTF-8 and returns true; for other text leaves `bytes` as
    /// it was and returns false.
    private static func appendFoldedOwnKey(of text: String, to bytes: inout [UInt8]) -> Bool {
        let start = bytes.count
        var text = text
        let done = text.withUTF8 { utf8 in
            allScalars(of: utf8) { v in
                var v = v
                if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
                switch v {
                case 0x41...0x5A: bytes.append(UInt8(v) + 0x20)
                case 0x21...0x7E: bytes.append(UInt8(v))
                case 0x20, 0x3000: break
                case 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x9FFF:
                    bytes.append(0xE0 | UInt8(v >> 12))
                    bytes.append(0x80 | UInt8((v >> 6) & 0x3F))
                    bytes.append(0x80 | UInt8(v & 0x3F))
                default: return false
                }
                return true
            }
        }
        if !done { bytes.removeSubrange(start...) }
        return done
    }

    /// True when `text` has only lower-case printable ASCII other than the space, CJK symbols and
    /// punctuation other than the ideographic space and the combining tone marks (U+3001–3029,
    /// U+3030–303F; two tone marks in a row could be reordered by NFC) and CJK unified ideographs
    /// (U+3400–9FFF): characters that have no case, are not white space and have no other
    /// composed form, so `key` leaves them as they are. Read from the UTF-8 bytes in place.
    static func isOwnKey(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            allScalars(of: bytes) { v in
                (0x21...0x40).contains(v) || (0x5B...0x7E).contains(v) || (0x3001...0x3029).contains(v)
                    || (0x3030...0x303F).contains(v) || (0x3400...0x9FFF).contains(v)
            }
        }
    }

    /// Whether every scalar of well-formed UTF-8 satisfies `test`, decoded in place.
    @inline(__always)
    static func allScalars(of bytes: UnsafeBufferPointer<UInt8>, _ test: (UInt32) -> Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = UInt32(bytes[i])
            let value: UInt32
            if lead < 0x80 {
                value = lead
                i += 1
            } else if lead < 0xE0 {
                value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0 {
                value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            if !test(value) { return false }
        }
        return true
    }

    /// A key with one trailing 地铁站, 站, 街道 or 社区 removed (never down to nothing).
    static func stem(_ key: String) -> String {
        if let stem = singleScalarStem(key) { return stem }
        for suffix in ["地铁站", "站", "街道", "社区"] where key.hasSuffix(suffix) && key.count > suffix.count {
            return String(key.dropLast(suffix.count))
        }
        return key
    }

    /// The byte length of `stem(key)`, which is a prefix of `key`: for a key whose every scalar is
    /// a character of its own (see `singleScalarStem`) found from its bytes in place, without
    /// making the stem.
    static func stemLength(ofKey key: String) -> Int {
        var key = key
        let simple = key.withUTF8 { bytes -> Int? in
            var count = 0
            guard allScalars(of: bytes, { v in
                count += 1
                return (0x21...0x7E).contains(v) || (0x3001...0x3029).contains(v) || (0x3400...0x9FFF).contains(v)
            }) else { return nil }
            for suffix in stemSuffixes where count > suffix.count && bytes.count >= suffix.utf8.count
                && bytes[(bytes.count - suffix.utf8.count)...].elementsEqual(suffix.utf8) {
                return bytes.count - suffix.utf8.count
            }
            return bytes.count
        }
        return simple ?? stem(key).utf8.count
    }

    /// The suffixes `stem` sets aside, as UTF-8, with their length in characters.
    private static let stemSuffixes: [(utf8: [UInt8], count: Int)] = ["地铁站", "站", "街道", "社区"].map { (Array($0.utf8), $0.count) }

    /// `stem` for a key whose every scalar is a character of its own (printable ASCII, CJK
    /// punctuation before the tone marks, CJK ideographs), compared as bytes: for such text a
    /// suffix of bytes is a suffix of characters and characters are scalars. Nil for other text.
    static func singleScalarStem(_ key: String) -> String? {
        var count = 0
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x21...0x7E, 0x3001...0x3029, 0x3400...0x9FFF: count += 1
            default: return nil
            }
        }
        let bytes = Array(key.utf8)
        for suffix in stemSuffixes where count > suffix.count && bytes.count >= suffix.utf8.count
            && bytes[(bytes.count - suffix.utf8.count)...].elementsEqual(suffix.utf8) {
            return String(decoding: bytes.dropLast(suffix.utf8.count), as: UTF8.self)
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
