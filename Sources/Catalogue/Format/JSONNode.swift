/// A parsed JSON value; its parts are nodes that can say where they stood in the file.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(key: String, node: JSONNode)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.node == $1.node }
        default: return false
        }
    }
}

/// A JSON value with its place: the byte offset where it starts and the way to it from the
/// document root. Line, column and path are worked out only when asked for (normally for an error
/// message), so parsing pays for neither.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    /// Byte offset of the value's first character in its document.
    let offset: Int
    /// The container's path (for the root, the document itself) and this value's key or index in
    /// it. The document is reached through the container, so a node holds two references, not three.
    let container: JSONPathLink
    let segment: JSONPathSegment

    init(value: JSONValue, offset: Int, container: JSONPathLink, segment: JSONPathSegment) {
        self.value = value
        self.offset = offset
        self.container = container
        self.segment = segment
    }

    /// The document the value was read from.
    var source: JSONSource { container.source }

    /// The same place holding another value, under the member `key` of this node when given (for
    /// a member that is absent and treated as empty, reported where its object stands).
    func standIn(_ value: JSONValue, member key: String? = nil) -> JSONNode {
        guard let key else { return JSONNode(value: value, offset: offset, container: container, segment: segment) }
        return JSONNode(value: value, offset: offset, container: JSONPathLink(self), segment: .key(key))
    }

    /// 1-based line and column of the value's first character.
    var position: (line: Int, column: Int) { source.position(of: offset) }

    /// 1-based line of the value's first character.
    public var line: Int { source.position(of: offset).line }
    /// 1-based column (in characters) of the value's first character.
    public var column: Int { source.position(of: offset).column }

    /// JSONPath-style location, e.g. `$[3].properties.name`.
    public var path: String {
        var text = container.path
        segment.append(to: &text)
        return text
    }

    public static func == (a: JSONNode, b: JSONNode) -> Bool {
        a.value == b.value && a.line == b.line && a.column == b.column && a.path == b.path
    }

    /// The member of an object with this key.
    public subscript(key: String) -> JSONNode? {
        if case .object(let members) = value {
            for member in members where member.key == key { return member.node }
        }
        return nil
    }

    public var string: String? { if case .string(let s) = value { return s } else { return nil } }
    public var number: Double? { if case .number(let n) = value { return n } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = value { return b } else { return nil } }
    public var array: [JSONNode]? { if case .array(let a) = value { return a } else { return nil } }
    public var isNull: Bool { if case .null = value { return true } else { return false } }
    public var isObject: Bool { if case .object = value { return true } else { return false } }

    /// A word for the value's type, for messages ("expected a string, found a number").
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One step of a JSON path: the root, an object member, or an array element.
enum JSONPathSegment: Sendable {
    /// Above the root: the document, which adds nothing to a path.
    case document
    case root
    case key(String)
    case index(Int)

    func append(to text: inout String) {
        switch self {
        case .document: break
        case .root: text += "$"
        case .index(let i): text += "[\(i)]"
        case .key(let key):
            if key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { text += ".\(key)" } else { text += "[\"\(key)\"]" }
        }
    }
}

/// The path of a container, shared by all its elements: one allocation per object or array rather
/// than a string per value.
final class JSONPathLink: Sendable {
    let container: JSONPathLink?
    let segment: JSONPathSegment
    /// The document, shared by every link of it.
    let source: JSONSource

    init(_ node: JSONNode) {
        container = node.container
        segment = node.segment
        source = node.source
    }

    init(container: JSONPathLink, segment: JSONPathSegment) {
        self.container = container
        self.segment = segment
        source = container.source
    }

    /// The link above a document's root.
    init(document source: JSONSource) {
        container = nil
        segment = .document
        self.source = source
    }

    var path: String {
        var steps: [JSONPathSegment] = []
        var link: JSONPathLink? = self
        while let current = link {
            steps.append(current.segment)
            link = current.container
        }
        var text = ""
        for step in steps.reversed() { step.append(to: &text) }
        return text
    }
}
