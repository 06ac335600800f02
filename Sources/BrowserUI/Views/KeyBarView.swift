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
                + DisplayWidth.of(b.command.label(language), ambiguousWide: ambiguousWide) + 1
        }
        let kept: Set<Command> = [.help, .quit]
        var budget = width - bindings.filter { kept.contains($0.command) }.reduce(0) { $0 + size($1) }
        var chosen: [KeyBinding] = []
        for binding in bindings {
            if kept.contains(binding.command) { chosen.append(binding); continue }
            if size(binding) <= budget { chosen.append(binding); budget -= size(binding) }
        }
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
            screen.put(entry.label, row: row, column: entry.columns.lowerBound + used, style: .keyBar,
                       maxColumns: entry.columns.count - used - 1)
        }
    }
}
