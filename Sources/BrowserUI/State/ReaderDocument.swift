import ChineseText

/// A standard text prepared for reading: its source lines, the lines wrapped for the current
/// width, its headings, and the matches of the current text search.
struct ReaderDocument: Sendable {
    /// What a source line is.
    enum LineKind: Sendable, Hashable {
        case blank
        case body
        /// A Markdown heading of level 1…6; `contentStart` skips the `#` marks and the space.
        case heading(level: Int, contentStart: Int)
        /// A list item; continuation lines are indented by `hang` columns.
        case listItem(hang: Int)
    }

    /// One screen line: a slice of a source line.
    struct Line: Sendable, Hashable {
        var source: Int
        var range: Range<Int>
        /// Leading columns left blank (list continuation lines).
        var indent: Int
    }

    /// A heading for the table of contents.
    struct Heading: Sendable, Hashable {
        var source: Int
        var level: Int
        var title: String
    }

    /// A place in the text that survives re-wrapping: a source line and a character in it.
    struct Anchor: Sendable, Hashable {
        var source: Int
        var offset: Int
    }

    /// A text-search hit in a source line.
    struct Match: Sendable, Hashable {
        var source: Int
        var range: Range<Int>
    }

    let standardID: String
    let sourceLines: [[Character]]
    let kinds: [LineKind]
    let headings: [Heading]
    private(set) var columns: Int
    private(set) var ambiguousWide: Bool
    private(set) var lines: [Line] = []
    /// Index in `lines` of each source line's first screen line.
    private(set) var firstLine: [Int] = []
    private(set) var query: String = ""
    private(set) var matches: [Match] = []
    private(set) var matchesBySource: [Int: [Range<Int>]] = [:]

    init(standardID: String, body: String, columns: Int, ambiguousWide: Bool) {
        self.standardID = standardID
        var sourceLines: [[Character]] = []
        var kinds: [LineKind] = []
        var headings: [Heading] = []
        for raw in Sanitiser.text(body).split(separator: "\n", omittingEmptySubsequences: false) {
            var characters = Array(raw)
            while characters.last == " " { characters.removeLast() }
            let kind = Self.kind(of: characters)
            if case .heading(let level, let start) = kind {
                headings.append(Heading(source: sourceLines.count, level: level,
                                        title: String(characters[start...])))
            }
            sourceLines.append(characters)
            kinds.append(kind)
        }
        while let last = kinds.last, last == .blank, kinds.count > 1 { kinds.removeLast(); sourceLines.removeLast() }
        self.sourceLines = sourceLines
        self.kinds = kinds
        self.headings = headings
        self.columns = columns
        self.ambiguousWide = ambiguousWide
        rewrap()
    }

    private static func kind(of characters: [Character]) -> LineKind {
        let trimmed = characters.drop(while: { $0 == " " })
        if trimmed.isEmpty { return .blank }
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        if hashes >= 1, hashes <= 6, trimmed.count > hashes, trimmed[trimmed.startIndex + hashes] == " " {
            let start = trimmed.startIndex + hashes + 1
            let content = characters[start...].prefix(while: { $0 == " " }).count
            return .heading(level: hashes, contentStart: start + content)
        }
        let indent = characters.count - trimmed.count
        if let first = trimmed.first, first == "-" || first == "*" || first == "•",
           trimmed.count > 1, trimmed[trimmed.startIndex + 1] == " " {
            return .listItem(hang: indent + 2)
        }
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber }).count
        if digits > 0, digits < 4, trimmed.count > digits + 1,
           [".", "、", ")"].contains(trimmed[trimmed.startIndex + digits]),
           trimmed[trimmed.startIndex + digits + 1] == " " || trimmed[trimmed.startIndex + digits] == "、" {
            return .listItem(hang: indent + digits + 2)
        }
        return .body
    }

    /// Re-wraps for a new width.
    mutating func resize(columns: Int, ambiguousWide: Bool) {
        guard columns != self.columns || ambiguousWide != self.ambiguousWide else { return }
        self.columns = columns
        self.ambiguousWide = ambiguousWide
        rewrap()
    }

    private mutating func rewrap() {
        lines.removeAll(keepingCapacity: true)
        firstLine = []
        firstLine.reserveCapacity(sourceLines.count)
        let width = max(1, columns)
        for (index, characters) in sourceLines.enumerated() {
            firstLine.append(lines.count)
            switch kinds[index] {
            case .blank:
                lines.append(Line(source: index, range: 0..<0, indent: 0))
            case .heading(_, let start):
                for range in LineBreaker.wrap(Array(characters[start...]), columns: width, ambiguousWide: ambiguousWide) {
                    lines.append(Line(source: index, range: (range.lowerBound + start)..<(range.upperBound + start), indent: 0))
                }
            case .body:
                for range in LineBreaker.wrap(characters, columns: width, ambiguousWide: ambiguousWide) {
                    lines.append(Line(source: index, range: range, indent: 0))
                }
            case .listItem(let hang):
                let hangColumns = hang < width / 2 ? hang : 0
                let firstWidth = width
                let wrapped = LineBreaker.wrap(characters, columns: firstWidth, ambiguousWide: ambiguousWide)
                guard let first = wrapped.first else { continue }
                lines.append(Line(source: index, range: first, indent: 0))
                if first.upperBound < characters.count {
                    var rest = first.upperBound
                    while rest < characters.count, characters[rest] == " " { rest += 1 }
                    let tail = Array(characters[rest...])
                    for range in LineBreaker.wrap(tail, columns: width - hangColumns, ambiguousWide: ambiguousWide)
                    where !range.isEmpty {
                        lines.append(Line(source: index, range: (range.lowerBound + rest)..<(range.upperBound + rest),
                                          indent: hangColumns))
                    }
                }
            }
        }
    }

    /// True when a screen line belongs to a heading.
    func isHeading(_ line: Line) -> Bool {
        if case .heading = kinds[line.source] { return true }
        return false
    }

    /// The anchor of a screen line.
    func anchor(ofLine index: Int) -> Anchor {
        guard lines.indices.contains(index) else { return Anchor(source: 0, offset: 0) }
        return Anchor(source: lines[index].source, offset: lines[index].range.lowerBound)
    }

    /// The screen line that shows an anchor.
    func line(of anchor: Anchor) -> Int {
        guard firstLine.indices.contains(anchor.source) else { return 0 }
        var index = firstLine[anchor.source]
        while index + 1 < lines.count, lines[index + 1].source == anchor.source,
              lines[index + 1].range.lowerBound <= anchor.offset {
            index += 1
        }
        return index
    }

    /// Finds every occurrence of `text` (Latin letters case-insensitively).
    mutating func search(_ text: String) {
        query = text
        matches = []
        matchesBySource = [:]
        let needle = SubstringNameSearch.fold(text)
        guard !needle.isEmpty else { return }
        for (index, characters) in sourceLines.enumerated() where characters.count >= needle.count {
            let folded = SubstringNameSearch.fold(String(characters))
            guard folded.count == characters.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                if folded[start] == needle[0], Array(folded[start..<(start + needle.count)]) == needle {
                    let range = start..<(start + needle.count)
                    matches.append(Match(source: index, range: range))
                    matchesBySource[index, default: []].append(range)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
    }

    /// The screen line where a match begins.
    func line(ofMatch match: Match) -> Int { line(of: Anchor(source: match.source, offset: match.range.lowerBound)) }
}
