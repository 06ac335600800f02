/// One problem found in a catalogue's sources, with where it is and what to do.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Errors stop compilation; warnings are reported and the text is shown sanitised.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column (path): error: message`, the form compilers use so editors can jump there.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics while a catalogue is read.
struct DiagnosticLog {
    private(set) var entries: [Diagnostic] = []

    /// The longest message kept, in characters: messages quote values from the sources, and a
    /// megabyte-long value must not make a megabyte of output.
    static let messageLimit = 1000

    mutating func error(_ location: SourceLocation, _ message: String) {
        entries.append(Diagnostic(.error, location, Self.clipped(message)))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        entries.append(Diagnostic(.warning, location, Self.clipped(message)))
    }

    static func clipped(_ message: String) -> String {
        guard message.utf8.count > messageLimit, message.unicodeScalars.count > messageLimit else { return message }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: message.unicodeScalars.prefix(messageLimit))
        return String(scalars) + "…"
    }

    var hasErrors: Bool { entries.contains { $0.severity == .error } }
}
