/// Moves the options every subcommand shares (`--catalogue`, `--lang`) from before the
/// subcommand to just after it, so `fuwu --catalogue DIR stats` means `fuwu stats --catalogue DIR`,
/// as docs/data-format.md writes it. Anything else is left exactly as typed.
enum ArgumentOrder {
    /// The shared options that take a value.
    static let sharedOptions: Set<String> = ["--catalogue", "--lang"]

    /// `arguments` (without the program name) with leading shared options moved after the first
    /// subcommand name; unchanged when no subcommand follows them.
    static func normalised(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if sharedOptions.contains(argument), index + 1 < arguments.count {
                moved += [argument, arguments[index + 1]]
                index += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first,
                      argument.contains("="), sharedOptions.contains(String(name)) {
                moved.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + moved + arguments[(index + 1)...]
    }
}
