/// One row of the key table: the keys that give a command in a mode, and whether the bottom key
/// bar shows it.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    /// Shown in the key bar (the help page shows every binding).
    public var inBar: Bool

    public init(_ keys: [Key], _ command: Command, inBar: Bool = false) {
        self.keys = keys
        self.command = command
        self.inBar = inBar
    }

    /// The keys as written on the help page, e.g. `j ↓`.
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}
