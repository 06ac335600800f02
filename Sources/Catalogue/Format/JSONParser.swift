import Foundation

/// A small RFC 8259 JSON parser that records line, column and path for every value. Foundation's
/// parser cannot say where a field stood, and catalogue errors must name the line.
public struct JSONParser {
    /// Why a document is not JSON, and where.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Parses a whole document; trailing non-space text is an error.
    public static func parse(_ text: String) throws(Failure) -> JSONNode {
        var parser = JSONParser(scalars: Array(text.unicodeScalars))
        if parser.scalars.first == "\u{FEFF}" { throw Failure(message: "the file starts with a byte-order mark; save it as UTF-8 without BOM", line: 1, column: 1) }
        parser.skipSpace()
        let node = try parser.value(path: "$")
        parser.skipSpace()
        if parser.index < parser.scalars.count {
            throw parser.failure("unexpected text after the end of the JSON value")
        }
        return node
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func failure(_ message: String) -> Failure {
        Failure(message: message, line: line, column: column)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func value(path: String) throws(Failure) -> JSONNode {
        guard let c = current else { throw failure("the file ends where a value was expected") }
        let (startLine, startColumn) = (line, column)
        func node(_ v: JSONValue) -> JSONNode { JSONNode(value: v, line: startLine, column: startColumn, path: path) }
        switch c {
        case "{": return node(try object(path: path))
        case "[": return node(try array(path: path))
        case "\"": return node(.string(try string()))
        case "t": try literal("true"); return node(.bool(true))
        case "f": try literal("false"); return node(.bool(false))
        case "n": try literal("null"); return node(.null)
        case "-", "0"..."9": return node(.number(try number()))
        default:
            throw failure("unexpected character '\(Character(c))' where a value was expected")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw failure("invalid literal; expected '\(word)'") }
            advance()
        }
    }

    private mutating func number() throws(Failure) -> Double {
        var text = ""
        while let c = current, "+-0123456789.eE".unicodeScalars.contains(c) { text.unicodeScalars.append(c); advance() }
        let valid = text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
        guard valid, let value = Double(text) else { throw failure("invalid number '\(text)'") }
        return value
    }

    private mutating func string() throws(Failure) -> String {
        advance() // opening quote
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw failure("the file ends inside a string; a closing \" is missing") }
            if c == "\"" { advance(); return String(out) }
            if c == "\n" { throw failure("a line break inside a string; a closing \" is missing") }
            if c == "\\" {
                advance()
                guard let e = current else { throw failure("the file ends inside an escape") }
                advance()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard current == "\\" else { throw failure("a lone surrogate in a \\u escape") }
                        advance()
                        guard current == "u" else { throw failure("a lone surrogate in a \\u escape") }
                        advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("an invalid \\u escape") }
                    out.append(scalar)
                default:
                    throw failure("invalid escape '\\\(Character(e))' in a string")
                }
                continue
            }
            if c.value < 0x20 { throw failure("a raw control character U+\(String(c.value, radix: 16, uppercase: true)) inside a string; write it as an escape or remove it") }
            out.append(c)
            advance()
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Character(c).hexDigitValue else { throw failure("an invalid \\u escape; four hex digits expected") }
            code = code * 16 + UInt32(digit)
            advance()
        }
        return code
    }

    private mutating func array(path: String) throws(Failure) -> JSONValue {
        try enter()
        advance()
        var elements: [JSONNode] = []
        skipSpace()
        if current == "]" { advance(); depth -= 1; return .array(elements) }
        while true {
            skipSpace()
            elements.append(try value(path: "\(path)[\(elements.count)]"))
            skipSpace()
            guard let c = current else { throw failure("the file ends inside an array; a closing ] is missing") }
            advance()
            if c == "]" { depth -= 1; return .array(elements) }
            if c != "," { throw failure("expected ',' or ']' in an array, found '\(Character(c))'") }
            skipSpace()
            if current == "]" { throw failure("a trailing comma before ']'") }
        }
    }

    private mutating func object(path: String) throws(Failure) -> JSONValue {
        try enter()
        advance()
        var members: [(key: String, node: JSONNode)] = []
        skipSpace()
        if current == "}" { advance(); depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard current == "\"" else { throw failure("expected a quoted member name") }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                throw Failure(message: "member \"\(key)\" appears twice in one object", line: keyLine, column: keyColumn)
            }
            skipSpace()
            guard current == ":" else { throw failure("expected ':' after member name \"\(key)\"") }
            advance()
            skipSpace()
            let memberPath = key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
            members.append((key, try value(path: memberPath)))
            skipSpace()
            guard let c = current else { throw failure("the file ends inside an object; a closing } is missing") }
            advance()
            if c == "}" { depth -= 1; return .object(members) }
            if c != "," { throw failure("expected ',' or '}' in an object, found '\(Character(c))'") }
            skipSpace()
            if current == "}" { throw failure("a trailing comma before '}'") }
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 200 { throw failure("nesting deeper than 200 levels") }
    }
}
