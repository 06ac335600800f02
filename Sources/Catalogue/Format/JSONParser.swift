import Foundation

/// A small RFC 8259 JSON parser over UTF-8 bytes. Foundation's parser cannot say where a field
/// stood, and catalogue errors must name the line; this one records only each value's byte offset
/// and its container's path, and works out line, column and path when a message needs them.
/// It can also hand over the elements of one big array one at a time (`parse(_:streaming:…)`), so
/// a file of a million records never exists as one tree.
public struct JSONParser {
    /// Why a document is not JSON, and where.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    private let source: JSONSource
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The member of the root object whose array elements are handed over instead of kept.
    private var streamed: (member: String, decide: ([(key: String, node: JSONNode)]) -> Bool, element: (JSONNode) -> Void)?
    private let streamsReleasePages: Bool

    /// Parses a whole document; trailing non-space text is an error.
    public static func parse(_ text: String) throws(Failure) -> JSONNode {
        try parse(JSONSource(text))
    }

    /// Parses a whole document held by `source`.
    static func parse(_ source: JSONSource) throws(Failure) -> JSONNode {
        var parser = JSONParser(source: source)
        return try parser.document()
    }

    /// Parses a document whose root is an object; when its member `member` is an array and
    /// `decide` (given the members read before it) agrees, each element is passed to `element` as
    /// soon as it is read and then dropped, and the member is left holding an empty array.
    static func parse(_ source: JSONSource, streaming member: String,
                      when decide: ([(key: String, node: JSONNode)]) -> Bool,
                      element: (JSONNode) -> Void) throws(Failure) -> JSONNode {
        var parser = JSONParser(source: source, releasingPages: source.isMapped)
        let result: Result<JSONNode, Failure> = withoutActuallyEscaping(decide) { decide in
            withoutActuallyEscaping(element) { element in
                parser.streamed = (member, decide, element)
                defer { parser.streamed = nil }
                do throws(Failure) { return .success(try parser.document()) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }

    private init(source: JSONSource, releasingPages: Bool = false) {
        self.source = source
        self.bytes = source.bytes
        self.streamsReleasePages = releasingPages
    }

    private mutating func document() throws(Failure) -> JSONNode {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw Failure(message: "the file starts with a byte-order mark; save it as UTF-8 without BOM", line: 1, column: 1)
        }
        skipSpace()
        let node = try value(container: JSONPathLink(document: source), segment: .root)
        skipSpace()
        if index < bytes.count {
            throw failure("unexpected text after the end of the JSON value")
        }
        return node
    }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        let (line, column) = source.position(of: offset ?? index)
        return Failure(message: message, line: line, column: column)
    }

    // MARK: - Bytes

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The Unicode scalar starting at `offset` and its length in bytes (the bytes are valid UTF-8).
    private func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[offset]
        var length = 1
        var value = UInt32(b)
        if b >= 0xF0 { length = 4; value = UInt32(b & 0x07) } else if b >= 0xE0 { length = 3; value = UInt32(b & 0x0F) } else if b >= 0xC0 { length = 2; value = UInt32(b & 0x1F) }
        if length > 1 {
            for k in 1..<length where offset + k < bytes.count { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private func character(at offset: Int) -> Character { Character(scalar(at: offset).0) }

    private mutating func skipSpace() {
        while index < bytes.count {
            let c = bytes[index]
            guard c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D else { return }
            index += 1
        }
    }

    // MARK: - Values

    private mutating func value(container: JSONPathLink, segment: JSONPathSegment) throws(Failure) -> JSONNode {
        guard let c = current else { throw failure("the file ends where a value was expected") }
        let start = index
        func node(_ v: JSONValue) -> JSONNode {
            JSONNode(value: v, offset: start, container: container, segment: segment)
        }
        switch c {
        case UInt8(ascii: "{"):
            let link = JSONPathLink(container: container, segment: segment)
            let isRoot: Bool
            if case .root = segment { isRoot = true } else { isRoot = false }
            return node(try object(link, isRoot: isRoot))
        case UInt8(ascii: "["):
            return node(try array(JSONPathLink(container: container, segment: segment), streaming: false))
        case UInt8(ascii: "\""): return node(.string(try string()))
        case UInt8(ascii: "t"): try literal("true"); return node(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return node(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return node(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return node(.number(try number()))
        default:
            throw failure("unexpected character '\(character(at: index))' where a value was expected")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard current == byte else { throw failure("invalid literal; expected '\(word)'") }
            index += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` over the run of number characters.
    private mutating func number() throws(Failure) -> Double {
        let start = index
        while let c = current, Self.isNumberByte(c) { index += 1 }
        let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
        var i = 0
        func at(_ k: Int) -> UInt8? { k < run.count ? run[k] : nil }
        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        var valid = true
        if at(i) == UInt8(ascii: "-") { i += 1 }
        if at(i) == UInt8(ascii: "0") {
            i += 1
        } else if isDigit(at(i)) {
            while isDigit(at(i)) { i += 1 }
        } else {
            valid = false
        }
        if valid, at(i) == UInt8(ascii: ".") {
            i += 1
            if !isDigit(at(i)) { valid = false }
            while isDigit(at(i)) { i += 1 }
        }
        if valid, at(i) == UInt8(ascii: "e") || at(i) == UInt8(ascii: "E") {
            i += 1
            if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
            if !isDigit(at(i)) { valid = false }
            while isDigit(at(i)) { i += 1 }
        }
        let text = String(decoding: run, as: UTF8.self)
        guard valid, i == run.count, let value = Double(text) else { throw failure("invalid number '\(text)'") }
        return value
    }

    private static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    }

    private mutating func string() throws(Failure) -> String {
        index += 1 // opening quote
        let start = index
        // Fast path: no escapes, no control characters.
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while true {
            guard let c = current else { throw failure("the file ends inside a string; a closing \" is missing") }
            if c == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
            if c == 0x0A { throw failure("a line break inside a string; a closing \" is missing") }
            if c == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw failure("the file ends inside an escape") }
                let (e, length) = scalar(at: index)
                index += length
                switch e {
                case "\"": out.append(UInt8(ascii: "\""))
                case "\\": out.append(UInt8(ascii: "\\"))
                case "/": out.append(UInt8(ascii: "/"))
                case "b": out.append(0x08)
                case "f": out.append(0x0C)
                case "n": out.append(0x0A)
                case "r": out.append(0x0D)
                case "t": out.append(0x09)
                case "u":
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard current == UInt8(ascii: "\\") else { throw failure("a lone surrogate in a \\u escape") }
                        index += 1
                        guard current == UInt8(ascii: "u") else { throw failure("a lone surrogate in a \\u escape") }
                        index += 1
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("an invalid \\u escape") }
                    out.append(contentsOf: String(scalar).utf8)
                default:
                    throw failure("invalid escape '\\\(Character(e))' in a string")
                }
                continue
            }
            if c < 0x20 { throw failure("a raw control character U+\(String(c, radix: 16, uppercase: true)) inside a string; write it as an escape or remove it") }
            out.append(c)
            index += 1
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw failure("an invalid \\u escape; four hex digits expected") }
            let (c, length) = scalar(at: index)
            guard let digit = Character(c).hexDigitValue else { throw failure("an invalid \\u escape; four hex digits expected") }
            code = code * 16 + UInt32(digit)
            index += length
        }
        return code
    }

    private mutating func array(_ link: JSONPathLink, streaming: Bool) throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONNode] = []
        var count = 0
        var released = index
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; depth -= 1; return .array(elements) }
        while true {
            skipSpace()
            let element = try value(container: link, segment: .index(count))
            count += 1
            if streaming, let streamed {
                streamed.element(element)
                if streamsReleasePages && index - released > 1 << 24 {
                    source.forget(before: index)
                    released = index
                }
            } else {
                elements.append(element)
            }
            skipSpace()
            guard let c = current else { throw failure("the file ends inside an array; a closing ] is missing") }
            let (scalar, length) = scalar(at: index)
            index += length
            if c == UInt8(ascii: "]") { depth -= 1; return .array(elements) }
            if c != UInt8(ascii: ",") { throw failure("expected ',' or ']' in an array, found '\(Character(scalar))'") }
            skipSpace()
            if current == UInt8(ascii: "]") { throw failure("a trailing comma before ']'") }
        }
    }

    private mutating func object(_ link: JSONPathLink, isRoot: Bool) throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var members: [(key: String, node: JSONNode)] = []
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a quoted member name") }
            let keyOffset = index
            let key = try string()
            for member in members where member.key == key {
                throw failure("member \"\(key)\" appears twice in one object", at: keyOffset)
            }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after member name \"\(key)\"") }
            index += 1
            skipSpace()
            if isRoot, let streamed, key == streamed.member, current == UInt8(ascii: "["), streamed.decide(members) {
                let start = index
                let elements = try array(JSONPathLink(container: link, segment: .key(key)), streaming: true)
                members.append((key, JSONNode(value: elements, offset: start, container: link, segment: .key(key))))
            } else {
                members.append((key, try value(container: link, segment: .key(key))))
            }
            skipSpace()
            guard let c = current else { throw failure("the file ends inside an object; a closing } is missing") }
            let (scalar, length) = scalar(at: index)
            index += length
            if c == UInt8(ascii: "}") { depth -= 1; return .object(members) }
            if c != UInt8(ascii: ",") { throw failure("expected ',' or '}' in an object, found '\(Character(scalar))'") }
            skipSpace()
            if current == UInt8(ascii: "}") { throw failure("a trailing comma before '}'") }
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 200 { throw failure("nesting deeper than 200 levels") }
    }
}
