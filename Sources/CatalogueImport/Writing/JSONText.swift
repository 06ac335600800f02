import ChineseText
import Catalogue

/// A JSON value in the order it is written, rendered as the catalogue's files are written (Python's
/// `json.dumps` with `ensure_ascii=False`), so that a rewritten file differs only where a record did.
public indirect enum JSONText: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.compact == b.compact }

    /// A value from a parsed node; whole numbers are written as integers.
    public init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONText.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONText($0.node)) })
        }
    }

    /// On one line with `", "` and `": "` between parts (a feature line of points.geojson).
    public var compact: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented by two spaces per level (catalogue.json, items.json).
    public var indented: String {
        var out = ""
        write(into: &out, indent: 2, level: 0)
        return out
    }

    func write(into out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let n): out += Self.number(n)
        case .string(let s): Self.string(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            // A list of numbers (a bbox, a coordinate) stays on one line.
            if indent != nil, elements.allSatisfy({ if case .number = $0 { return true }; if case .int = $0 { return true }; return false }) {
                write(into: &out, indent: nil, level: level)
                return
            }
            out += "["
            for (i, e) in elements.enumerated() {
                if i > 0 { out += indent == nil ? ", " : "," }
                if let indent { out += "\n" + String(repeating: " ", count: indent * (level + 1)) }
                e.write(into: &out, indent: indent, level: level + 1)
            }
            if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += indent == nil ? ", " : "," }
                if let indent { out += "\n" + String(repeating: " ", count: indent * (level + 1)) }
                Self.string(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent, level: level + 1)
            }
            if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
            out += "}"
        }
    }

    /// The shortest text that reads back as the same double, as Python's `repr` writes it.
    static func number(_ n: Double) -> String {
        var text = "\(n)"
        if text.hasSuffix(".0") == false, !text.contains("."), !text.contains("e"), !text.contains("n") { text += ".0" }
        return text
    }

    static func string(_ s: String, into out: inout String) {
        // Most text needs no escape: then it is copied whole instead of scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        QuotedString.append(s, to: &out, rules: rules)
    }

    /// JSON as the catalogue files have it: control characters escaped, `\b` and `\f` by letter.
    static let rules = QuotedString.Rules(backspaceAndFormFeedByLetter: true, upperCaseHex: false) { $0.value < 0x20 }
}
