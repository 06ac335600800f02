import ChineseText

/// The bottom line of keys, generated from the key map (htop's function bar): each entry is a key
/// in reverse video and its label; a click on an entry gives its command.
enum KeyBarView {
    struct Entry: Sendable, Hashable {
        var key: String
        var label: String
        var command: Command
        var columns: Range<Int>
    }

    /// The entries that fit in `width`; help and quit are kept when others must give way.
    static func entries(mode: Mode, keyMap: KeyMap, language: InterfaceLanguage, width: Int,
                        ambiguousWide: Bool) -> [Entry] {
        let bindings = keyMap.barBindings(in: mode)
        func size(_ b: KeyBinding) -> Int {
            DisplayWidth.of(b.keys[0].label, ambiguousWide: ambiguousWide)
                + DisplayWidth.of(b.command.label(language), ambiguousWide: ambiguousWide) + 2
        }
        // Help and quit always show; then the screen's own keys; Open and Back, which every
        // screen shares, give way first.
        let kept: Set<Command> = [.help, .quit]
        let shared: Set<Command> = [.open, .back, .submit, .cancel]
        var budget = width - bindings.filter { kept.contains($0.command) }.reduce(0) { $0 + size($1) }
        var shown = Set<Int>(bindings.indices.filter { kept.contains(bindings[$0].command) })
        let order = bindings.indices.filter { !kept.contains(bindings[$0].command) && !shared.contains(bindings[$0].command) }
            + bindings.indices.filter { shared.contains(bindings[$0].command) }
        for index in order where size(bindings[index]) <= budget {
            shown.insert(index)
            budget -= size(bindings[index])
        }
        let chosen = bindings.indices.filter { shown.contains($0) }.map { bindings[$0] }
        var column = 0
        var entries: [Entry] = []
        for binding in chosen {
            let w = size(binding)
            guard column + w - 1 <= width else { break }
            entries.append(Entry(key: binding.keys[0].label, label: binding.command.label(language),
                                 command: binding.command, columns: column..<(column + w)))
            column += w
        }
        return entries
    }

    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen) {
        let row = layout.keyBarRow
        screen.fill(row: row, column: 0, height: 1, width: layout.width, style: .keyBar)
        for entry in entries(mode: state.mode, keyMap: state.keyMap, language: state.language,
                             width: layout.width, ambiguousWide: screen.ambiguousWide) {
            let used = screen.put(entry.key, row: row, column: entry.columns.lowerBound, style: .key)
            screen.put(entry.label, row: row, column: entry.columns.lowerBound + used + 1, style: .keyBar,
                       maxColumns: entry.columns.count - used - 2)
        }
    }
}
