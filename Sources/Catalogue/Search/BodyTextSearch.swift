import Foundation
import ChineseText

/// Body search over bodies held as values (tests, small catalogues), and the query folding and
/// snippet making that the compiled store's implementation shares.
public struct BodyTextSearch: StandardBodySearching {
    /// Characters of context kept before and after the first occurrence.
    public static let contextBefore = 16
    public static let contextAfter = 40

    private let bodies: [(id: String, body: String)]

    /// Searches `bodies` (standard id → Markdown body), reporting ties in id order.
    public init(bodies: [String: String]) {
        self.bodies = bodies.sorted { $0.key < $1.key }.map { (id: $0.key, body: $0.value) }
    }

    public func searchBodies(_ query: String, limit: Int) throws -> [BodyHit] {
        let folded = Self.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        return Self.ranked(bodies.compactMap { Self.hit(id: $0.id, body: $0.body, foldedQuery: folded) }, limit: limit)
    }

    /// The query as bodies are searched: trimmed, full-width ASCII made half-width, ASCII lower
    /// case, traditional Han characters simplified.
    public static func fold(_ query: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in query.unicodeScalars {
            var s = scalar
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) { s = half }
            if (0x41...0x5A).contains(s.value), let lower = Unicode.Scalar(s.value + 0x20) { s = lower }
            if TextFolding.isHan(s) { s = TextFolding.simplified(s) }
            view.append(s)
        }
        return String(view).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Orders hits most occurrences first, then by id, and keeps `limit`.
    public static func ranked(_ hits: [BodyHit], limit: Int) -> [BodyHit] {
        Array(hits.sorted { ($0.occurrences, $1.standardID) > ($1.occurrences, $0.standardID) }.prefix(limit))
    }

    /// The hit for one body, nil when it does not contain `foldedQuery` (from `fold`). Matching
    /// ignores ASCII case and full-width forms in the body.
    public static func hit(id: String, body: String, foldedQuery: String) -> BodyHit? {
        let needle = Array(foldedQuery.unicodeScalars)
        guard let firstNeedle = needle.first else { return nil }
        let scalars = Array(body.unicodeScalars)
        func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
            var v = s.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            return Unicode.Scalar(v) ?? s
        }
        var first: Int?
        var occurrences = 0
        var i = 0
        while i + needle.count <= scalars.count {
            if folded(scalars[i]) == firstNeedle {
                var k = 1
                while k < needle.count && folded(scalars[i + k]) == needle[k] { k += 1 }
                if k == needle.count {
                    if first == nil { first = i }
                    occurrences += 1
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        guard let start = first else { return nil }
        let from = max(0, start - contextBefore)
        let to = min(scalars.count, start + needle.count + contextAfter)
        // One line: runs of spaces, tabs and newlines become one space.
        func line(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            var lastWasSpace = false
            for s in slice {
                let space = s == "\n" || s == "\r" || s == "\t" || s == " "
                if space && lastWasSpace { continue }
                view.append(space ? " " : s)
                lastWasSpace = space
            }
            return String(view)
        }
        var before = line(scalars[from..<start])
        while before.first == " " { before.removeFirst() }
        var after = line(scalars[(start + needle.count)..<to])
        while after.last == " " { after.removeLast() }
        let lead = (from > 0 ? "…" : "") + before
        let match = line(scalars[start..<(start + needle.count)])
        let tail = after + (to < scalars.count ? "…" : "")
        let offset = lead.count
        return BodyHit(standardID: id, snippet: lead + match + tail, ranges: [offset..<(offset + match.count)],
                       occurrences: occurrences)
    }
}
