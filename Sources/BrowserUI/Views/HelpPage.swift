import ChineseText

/// The help page of a mode, generated from the key map so it lists exactly what works.
enum HelpPage {
    /// The page's rows: a heading, one row per binding, then notes on marks.
    static func rows(for mode: Mode, keyMap: KeyMap, language: InterfaceLanguage, linkMark: String = "▸") -> [SheetRow] {
        let bindings = keyMap.bindings(in: mode)
        var rows = [SheetRow(language.pick("按键：", "Keys: ") + mode.title(language), style: .title), SheetRow("")]
        let keyColumns = min(22, (bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0) + 2)
        for binding in bindings {
            let keys = binding.keyLabel
            let padding = String(repeating: " ", count: max(1, keyColumns - DisplayWidth.of(keys)))
            rows.append(SheetRow([SheetRow.Piece(text: "  " + keys, style: .title),
                                  SheetRow.Piece(text: padding + binding.command.help(language), style: .normal)]))
        }
        if mode.takesText {
            rows.append(SheetRow([SheetRow.Piece(text: language.pick("  其他键", "  other keys"), style: .title),
                                  SheetRow.Piece(text: language.pick("  输入到文本框（可用中文输入法）", "  type into the field (input methods work)"),
                                                 style: .normal)]))
        }
        rows.append(SheetRow(""))
        rows.append(SheetRow(language.pick("标记", "Marks"), style: .title))
        rows.append(SheetRow(language.pick("  [样例]  生成的示例记录，不是真实信息", "  [sample]  a generated record, not real information"),
                             style: .warning))
        rows.append(SheetRow(language.pick("  特色    福田区特色事项", "  Futian    a Futian-specific item")))
        let mark = DisplayWidth.pad(linkMark, to: 8)
        rows.append(SheetRow(language.pick("  \(mark)可以按 Enter 打开的行（Tab 跳到下一个）", "  \(mark) a row Enter opens (Tab jumps to the next)")))
        if mode == .nearby {
            rows.append(SheetRow(language.pick("  距离为直线距离；步行路线通常长 1.2–1.5 倍，按此估算步行时间",
                                               "  Distances are straight lines; walks are 1.2–1.5× longer, and the time allows for that")))
        }
        return rows
    }
}
