import Foundation

/// The `key: value` header of a standard text between two `---` lines, with the line of each key.
/// Public so that the importer reads `.md` texts' headers exactly as the loader does.
public struct FrontMatter: Sendable {
    /// One header value and the 1-based line it is on.
    public struct Entry: Sendable {
        public var value: String
        public var line: Int
    }

    /// The header's values by key.
    public var entries: [String: Entry] = [:]
    /// The 1-based line where the body starts.
    public var bodyStartLine: Int
    /// The text after the closing `---` line.
    public var body: String

    /// Why a header could not be read, and on which line.
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
    }

    /// Reads the header at the start of `source`; a file without one is a failure on line 1.
    public static func parse(_ source: String) throws(Failure) -> FrontMatter {
        // CRLF line ends are accepted. Swift treats "\r\n" as one Character, so splitting on
        // "\n" alone would see a single line: normalise first.
        let text = source.utf8.contains(13) ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters() == "---" }) == true else {
            throw Failure(message: "the file must start with a '---' line opening its metadata header", line: 1)
        }
        guard lines.dropFirst().contains(where: { $0.trimmingCharacters() == "---" }) else {
            throw Failure(message: "the metadata header opened on line 1 is never closed with a '---' line", line: 1)
        }
        var entries: [String: Entry] = [:]
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters()
            if trimmed == "---" {
                let body = lines[(index + 1)...].joined(separator: "\n")
                return FrontMatter(entries: entries, bodyStartLine: index + 2, body: body)
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { index += 1; continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw Failure(message: "header line \"\(trimmed)\" is not of the form 'key: value'", line: index + 1)
            }
            let key = line[..<colon].trimmingCharacters()
            let value = line[line.index(after: colon)...].trimmingCharacters()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw Failure(message: "header key \"\(key)\" must be a plain word such as 'title'", line: index + 1)
            }
            if entries[key] != nil {
                throw Failure(message: "header key \"\(key)\" appears twice", line: index + 1)
            }
            entries[key] = Entry(value: value, line: index + 1)
            index += 1
        }
        throw Failure(message: "the metadata header opened on line 1 is never closed with a '---' line", line: lines.count)
    }

    /// Parses a `[a, b]` list value (a bare value is a one-element list).
    public static func list(_ value: String) -> [String]? {
        var text = Substring(value)
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { return nil }
            text = text.dropFirst().dropLast()
        }
        return text.split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
