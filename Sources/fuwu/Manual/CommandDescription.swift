/// A command as swift-argument-parser describes it (`--experimental-dump-help`): the part of its
/// tool-info JSON the man page uses. Decoded from JSON so the library's own module, which it does
/// not export as a product, is not needed.
struct CommandDescription: Decodable {
    /// One argument of a command.
    struct Argument: Decodable {
        /// One of an argument's names.
        struct Name: Decodable {
            var kind: String
            var name: String

            /// As typed: `--format`, `-h`.
            var typed: String { kind == "short" ? "-\(name)" : kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
        }

        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?

        var isPositional: Bool { kind == "positional" }
        var isFlag: Bool { kind == "flag" }
    }

    var commandName: String
    var superCommands: [String]?
    var shouldDisplay: Bool?
    var abstract: String?
    var discussion: String?
    var defaultSubcommand: String?
    var subcommands: [CommandDescription]?
    var arguments: [Argument]?

    /// The command as typed: `fuwu stats`.
    var fullName: String { ((superCommands ?? []) + [commandName]).joined(separator: " ") }

    /// The arguments listed in help.
    var shownArguments: [Argument] { (arguments ?? []).filter(\.shouldDisplay) }
}

/// The top of swift-argument-parser's tool-info JSON.
struct ToolDescription: Decodable {
    var command: CommandDescription
}
