import ChineseText

/// Reads typed fields out of one JSON object, logging a precise diagnostic for each field that is
/// missing, of the wrong type, or holds unsafe text.
struct ObjectReader {
    let node: JSONNode
    let file: String
    /// What the record is called in messages, e.g. `item "D1-01"`.
    var subject: String

    init(_ node: JSONNode, file: String, subject: String) {
        self.node = node
        self.file = file
        self.subject = subject
    }

    func location(of field: String? = nil) -> SourceLocation {
        if let field, let child = node[field] {
            return SourceLocation(file: file, line: child.line, column: child.column, path: child.path)
        }
        return SourceLocation(file: file, line: node.line, column: node.column, path: field.map { "\(node.path).\($0)" } ?? node.path)
    }

    /// A required, non-empty string.
    func string(_ field: String, _ log: inout DiagnosticLog) -> String? {
        guard let child = node[field], !child.isNull else {
            log.error(location(of: nil).with(path: "\(node.path).\(field)"), "\(subject) has no \"\(field)\"; add it")
            return nil
        }
        guard let text = child.string else {
            log.error(location(of: field), "\"\(field)\" of \(subject) must be a string, not \(child.typeName)")
            return nil
        }
        if text.trimmingSpaces.isEmpty {
            log.error(location(of: field), "\"\(field)\" of \(subject) is empty")
            return nil
        }
        checkText(text, field: field, &log)
        return SemanticChecks.storable(text)
    }

    /// An optional string: absent or null gives nil.
    func optionalString(_ field: String, _ log: inout DiagnosticLog) -> String? {
        guard let child = node[field], !child.isNull else { return nil }
        guard let text = child.string else {
            log.error(location(of: field), "\"\(field)\" of \(subject) must be a string or null, not \(child.typeName)")
            return nil
        }
        checkText(text, field: field, &log)
        return text.trimmingSpaces.isEmpty ? nil : SemanticChecks.storable(text)
    }

    /// A required boolean.
    func bool(_ field: String, _ log: inout DiagnosticLog) -> Bool? {
        guard let child = node[field] else {
            log.error(location().with(path: "\(node.path).\(field)"), "\(subject) has no \"\(field)\"; add true or false")
            return nil
        }
        guard let value = child.bool else {
            log.error(location(of: field), "\"\(field)\" of \(subject) must be true or false, not \(child.typeName)")
            return nil
        }
        return value
    }

    /// A required integer.
    func integer(_ field: String, _ log: inout DiagnosticLog) -> Int? {
        guard let child = node[field] else {
            log.error(location().with(path: "\(node.path).\(field)"), "\(subject) has no \"\(field)\"; add a whole number")
            return nil
        }
        guard let value = child.number, value == value.rounded(), abs(value) < 1e9 else {
            log.error(location(of: field), "\"\(field)\" of \(subject) must be a whole number, not \(child.typeName)")
            return nil
        }
        return Int(value)
    }

    /// An array of strings; `required` makes absence an error, otherwise absence gives [].
    func strings(_ field: String, required: Bool, _ log: inout DiagnosticLog) -> [(String, SourceLocation)] {
        guard let child = node[field], !child.isNull else {
            if required { log.error(location().with(path: "\(node.path).\(field)"), "\(subject) has no \"\(field)\"; add a list") }
            return []
        }
        guard let elements = child.array else {
            log.error(location(of: field), "\"\(field)\" of \(subject) must be a list of strings, not \(child.typeName)")
            return []
        }
        var result: [(String, SourceLocation)] = []
        for element in elements {
            let at = SourceLocation(file: file, line: element.line, column: element.column, path: element.path)
            guard let text = element.string else {
                log.error(at, "\"\(field)\" of \(subject) must hold strings, not \(element.typeName)")
                continue
            }
            checkText(text, field: field, &log)
            result.append((SemanticChecks.storable(text), at))
        }
        return result
    }

    /// Reports text over its field's length limit, and warns about characters that must never
    /// reach a terminal (the text is shown sanitised).
    func checkText(_ text: String, field: String, _ log: inout DiagnosticLog) {
        let limit = SemanticChecks.lengthLimit(of: field)
        if SemanticChecks.exceeds(text, limit) {
            log.error(location(of: field), SemanticChecks.tooLong(field, of: subject, limit: limit))
        }
        if let (scalar, offset) = Sanitiser.firstUnsafe(in: text) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            log.warning(location(of: field), "\"\(field)\" of \(subject) contains the control or bidi character \(code) at character \(offset + 1); it is shown as inert text — remove it from the source")
        }
    }
}

extension SourceLocation {
    func with(path: String) -> SourceLocation {
        var copy = self
        copy.path = path
        return copy
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }

    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
