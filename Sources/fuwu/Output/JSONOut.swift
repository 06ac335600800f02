import Foundation
import ChineseText

/// JSON output with members in the order they are written, so output is stable and diffable.
/// Every string is escaped so that control and bidi characters arrive inert.
enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double, decimals: Int)
    case string(String)
    case array([JSONOut])
    case members(JSONObject)

    static func object(_ members: [(String, JSONOut)]) -> JSONOut { .members(JSONObject(members: members)) }

    static func optional(_ text: String?) -> JSONOut { text.map { .string($0) } ?? .null }
    static func strings(_ list: [String]) -> JSONOut { .array(list.map { .string($0) }) }

    /// Pretty-printed with two-space indentation.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d, let decimals):
            guard d.isFinite else { return "null" }
            var text = String(format: "%.\(decimals)f", d)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        case .string(let s): return Self.quote(s)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy({ $0.isScalar }) && elements.count <= 8 {
                return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .members(let object):
            let members = object.members
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { "\(inner)\(Self.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
                .joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    /// On one line with no spaces (for large GeoJSON written one feature per line).
    func compact() -> String {
        switch self {
        case .array(let elements): return "[" + elements.map { $0.compact() }.joined(separator: ",") + "]"
        case .members(let object): return "{" + object.members.map { Self.quote($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        default: return rendered()
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .members: return false
        default: return true
        }
    }

    static func quote(_ s: String) -> String {
        QuotedString.quoted(s, rules: QuotedString.Rules(backspaceAndFormFeedByLetter: false, upperCaseHex: false) {
            Sanitiser.isUnsafe($0)
        })
    }
}

/// The ordered members of a JSON object.
struct JSONObject: Sendable {
    var members: [(String, JSONOut)]
}
