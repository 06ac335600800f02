/// The one key table: for each mode, which keys give which command. The key bar and the help
/// page are generated from it, so what is shown is what works.
public struct KeyMap: Sendable {
    private var table: [Mode: [KeyBinding]]
    private var lookup: [Mode: [Key: Command]]

    /// The standard key table.
    public static let standard = KeyMap(table: KeyMap.standardTable)

    public init(table: [Mode: [KeyBinding]]) {
        self.table = table
        var lookup: [Mode: [Key: Command]] = [:]
        for (mode, bindings) in table {
            var keys: [Key: Command] = [:]
            for binding in bindings { for key in binding.keys where keys[key] == nil { keys[key] = binding.command } }
            lookup[mode] = keys
        }
        self.lookup = lookup
    }

    /// The command a key gives in a mode; in text fields unbound printable keys are typed.
    public func command(for key: Key, in mode: Mode) -> Command? {
        if let command = lookup[mode]?[key] { return command }
        if mode.takesText, case .character(let c) = key { return .insert(c) }
        return nil
    }

    /// Every binding of a mode, in help order.
    public func bindings(in mode: Mode) -> [KeyBinding] { table[mode] ?? [] }

    /// The bindings the key bar shows in a mode.
    public func barBindings(in mode: Mode) -> [KeyBinding] { bindings(in: mode).filter(\.inBar) }

    private static let motion: [KeyBinding] = [
        KeyBinding([.character("k"), .up], .up),
        KeyBinding([.character("j"), .down], .down),
        KeyBinding([.pageUp, .character("b")], .pageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown),
        KeyBinding([.control("u")], .halfPageUp),
        KeyBinding([.control("d")], .halfPageDown),
        KeyBinding([.character("g"), .home], .top),
        KeyBinding([.character("G"), .end], .bottom),
    ]
    private static let back = KeyBinding([.escape, .backspace, .character("h"), .left], .back, inBar: true)
    private static let find = KeyBinding([.character("/")], .find, inBar: true)
    private static let help = KeyBinding([.character("?"), .function(1)], .help, inBar: true)
    private static let quit = KeyBinding([.character("q")], .quit, inBar: true)
    private static let nearby = KeyBinding([.character("w")], .nearby, inBar: true)
    private static let language = KeyBinding([.character("L")], .toggleLanguage)
    private static let star = KeyBinding([.character("*")], .star, inBar: true)
    private static let starQuiet = KeyBinding([.character("*")], .star)
    private static let remembered: [KeyBinding] = [KeyBinding([.character("F")], .favourites),
                                                   KeyBinding([.character("H")], .history)]

    private static let textEditing: [KeyBinding] = [
        KeyBinding([.enter], .submit, inBar: true),
        KeyBinding([.escape], .cancel, inBar: true),
        KeyBinding([.function(1)], .help),
        KeyBinding([.backspace, .control("h")], .deleteBackward),
        KeyBinding([.left], .caretLeft),
        KeyBinding([.right], .caretRight),
        KeyBinding([.home, .control("a")], .caretHome),
        KeyBinding([.end, .control("e")], .caretEnd),
    ]
    private static let resultMotion: [KeyBinding] = [
        KeyBinding([.up, .control("p")], .up),
        KeyBinding([.down, .control("n")], .down),
        KeyBinding([.pageUp], .pageUp),
        KeyBinding([.pageDown], .pageDown),
    ]

    private static var standardTable: [Mode: [KeyBinding]] {
        let open = KeyBinding([.enter, .character("l"), .right], .open, inBar: true)
        return [
            .browse: motion + [open, back, KeyBinding([.character("i")], .details, inBar: true),
                               find, nearby, KeyBinding([.character("d")], .dashboard), starQuiet] + remembered
                               + [help, language, quit],
            .itemDetail: motion + [KeyBinding([.enter, .character("l"), .right], .open, inBar: true), back,
                                   KeyBinding([.tab], .nextLink, inBar: true), KeyBinding([.backTab], .previousLink),
                                   find, nearby, star] + remembered + [help, language, quit],
            .pointDetail: motion + [KeyBinding([.enter, .character("l"), .right], .open, inBar: true), back,
                                    KeyBinding([.tab], .nextLink, inBar: true), KeyBinding([.backTab], .previousLink),
                                    find, nearby, star, KeyBinding([.character("y")], .copyAddress),
                                    KeyBinding([.character("Y")], .copyCoordinates)] + remembered + [help, language, quit],
            .reader: motion + [back, KeyBinding([.character("t")], .contents, inBar: true),
                               KeyBinding([.character("/")], .searchText, inBar: true),
                               KeyBinding([.character("n")], .nextMatch, inBar: true),
                               KeyBinding([.character("N")], .previousMatch), starQuiet] + remembered + [
                               help, language, quit],
            .contents: motion + [KeyBinding([.enter, .character("l"), .right], .open, inBar: true),
                                 back, help, quit],
            .find: resultMotion + textEditing.map { binding in
                binding.command == .submit ? KeyBinding([.enter], .open, inBar: true) : binding
            },
            .nearby: motion + [KeyBinding([.enter, .character("l"), .right], .open, inBar: true), back,
                               KeyBinding([.character("1")], .radius(metres: 500), inBar: true),
                               KeyBinding([.character("2")], .radius(metres: 1000), inBar: true),
                               KeyBinding([.character("3")], .radius(metres: 1500), inBar: true),
                               // r gives its place in the bar to m (the map); ? lists it.
                               KeyBinding([.character("r")], .typeRadius),
                               KeyBinding([.character("o")], .setOrigin, inBar: true),
                               KeyBinding([.character("f")], .filter, inBar: true),
                               KeyBinding([.character("x")], .clearFilter),
                               KeyBinding([.character("m")], .toggleMap, inBar: true),
                               KeyBinding([.character("s")], .savePlace), starQuiet,
                               find] + remembered + [help, language, quit],
            .records: motion + [KeyBinding([.enter, .character("l"), .right], .open, inBar: true), back,
                                KeyBinding([.character("*")], .star, inBar: true)] + remembered + [find, nearby, help, language, quit],
            .dashboard: [
                KeyBinding([.character("k"), .up], .up),
                KeyBinding([.character("j"), .down], .down),
                KeyBinding([.character("h"), .left], .columnLeft),
                KeyBinding([.character("l"), .right], .columnRight),
                KeyBinding([.enter], .open, inBar: true),
                KeyBinding([.escape, .backspace], .back, inBar: true),
                KeyBinding([.character("1")], .radius(metres: 500), inBar: true),
                KeyBinding([.character("2")], .radius(metres: 1000), inBar: true),
                KeyBinding([.character("3")], .radius(metres: 1500), inBar: true),
                help, language, quit,
            ],
            .coverageGaps: motion + [back, KeyBinding([.character("1")], .radius(metres: 500)),
                                     KeyBinding([.character("2")], .radius(metres: 1000)),
                                     KeyBinding([.character("3")], .radius(metres: 1500)),
                                     KeyBinding([.character("m")], .toggleMap, inBar: true), help, language, quit],
            // On the map h pans, so only Esc and Backspace (and m) go back.
            .map: [KeyBinding([.character("+"), .character("=")], .zoomIn, inBar: true),
                   KeyBinding([.character("-"), .character("_")], .zoomOut, inBar: true),
                   KeyBinding([.character("h"), .left], .panLeft),
                   KeyBinding([.character("l"), .right], .panRight),
                   KeyBinding([.character("k"), .up], .panUp),
                   KeyBinding([.character("j"), .down], .panDown),
                   KeyBinding([.tab], .nextPoint, inBar: true),
                   KeyBinding([.backTab], .previousPoint),
                   KeyBinding([.enter], .open, inBar: true),
                   KeyBinding([.escape, .backspace], .back, inBar: true),
                   KeyBinding([.character("m")], .toggleMap),
                   KeyBinding([.character("c")], .recentre, inBar: true),
                   KeyBinding([.character("1")], .radius(metres: 500)),
                   KeyBinding([.character("2")], .radius(metres: 1000)),
                   KeyBinding([.character("3")], .radius(metres: 1500)),
                   KeyBinding([.character("r")], .typeRadius),
                   KeyBinding([.character("f")], .filter, inBar: true),
                   KeyBinding([.character("x")], .clearFilter),
                   KeyBinding([.character("i")], .toggleLegend, inBar: true),
                   KeyBinding([.character("o")], .setOrigin),
                   help, language, quit],
            .picker: resultMotion + textEditing,
            .prompt: textEditing,
            .help: motion + [KeyBinding([.escape, .backspace, .character("h"), .left, .character("?"), .function(1)],
                                        .back, inBar: true), quit],
        ]
    }
}
