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

    /// The most diagnostics listed for one file; a file with more gets one closing line saying
    /// how many were left out, so a damaged file cannot flood the output.
    static let perFileLimit = 100

    /// `diagnostics` (sorted by location) with each file's list cut at `perFileLimit`.
    static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var index = 0
        while index < diagnostics.count {
            let file = diagnostics[index].location.file
            var end = index
            while end < diagnostics.count, diagnostics[end].location.file == file { end += 1 }
            let count = end - index
            result += diagnostics[index..<min(end, index + perFileLimit)]
            if count > perFileLimit {
                let last = diagnostics[end - 1]
                let errors = diagnostics[index..<end].contains { $0.severity == .error }
                result.append(Diagnostic(errors ? .error : .warning, last.location,
                                         "\(count - perFileLimit) more problems in \(file) are not listed; fix the ones above first"))
            }
            index = end
        }
        return result
    }
}
