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
        // "\n" alone would see a single line: normalise first. After that every "\n" is a
        // Character of its own (unless after a stray "\r"), so lines are cut at "\n" bytes, and only as far as the closing
        // '---' line: the body is taken whole, never split into lines and joined again.
        let text = source.utf8.contains(13) ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        var lines: [Substring] = []
        var next = text.startIndex
        var bodyStart: String.Index?
        while bodyStart == nil {
            let end = Self.lineEnd(in: text, from: next)
            let line = text[next..<end]
            if lines.isEmpty {
                guard line.trimmingCharacters() == "---" else {
                    throw Failure(message: "the file must start with a '---' line opening its metadata header", line: 1)
                }
            } else if Self.mayBeFence(line) && line.trimmingCharacters() == "---" {
                bodyStart = end == text.endIndex ? end : text.utf8.index(after: end)
            }
            lines.append(line)
            if bodyStart == nil {
                guard end < text.endIndex else {
                    throw Failure(message: "the metadata header opened on line 1 is never closed with a '---' line", line: 1)
                }
                next = text.utf8.index(after: end)
            }
        }
        var entries: [String: Entry] = [:]
        for index in 1..<(lines.count - 1) {
            let line = lines[index]
            let trimmed = line.trimmingCharacters()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
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
        }
        return FrontMatter(entries: entries, bodyStartLine: lines.count + 1, body: String(text[(bodyStart ?? text.endIndex)...]))
    }

    /// The next "\n" Character from `start` (a "\n" byte after "\r" is part of a "\r\n" Character,
    /// which a stray "\r" before a CRLF can leave after normalising), or the end of the text.
    private static func lineEnd(in text: String, from start: String.Index) -> String.Index {
        var previous: UInt8 = 0
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") && previous != 13 { return index }
            previous = byte
            index = utf8.index(after: index)
        }
        return index
    }

    /// False when the line certainly does not trim to "---": its first byte after spaces and tabs
    /// is an ASCII character other than '-' or a line-end control (which trimming could remove).
    private static func mayBeFence(_ line: Substring) -> Bool {
        for byte in line.utf8 where byte != 0x20 && byte != 0x09 {
            return byte >= 0x80 || byte == UInt8(ascii: "-") || (0x0A...0x0D).contains(byte)
        }
        return false
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
