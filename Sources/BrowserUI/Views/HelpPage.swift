import ChineseText

/// The help page of a mode, generated from the key map so it lists exactly what works.
enum HelpPage {
    /// The page's rows: a heading, one row per binding, then notes on marks.
    static func rows(for mode: Mode, keyMap: KeyMap, language: InterfaceLanguage, linkMark: String = "▸",
                     starMark: String = "★") -> [SheetRow] {
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
        rows.append(SheetRow(language.pick("  \(DisplayWidth.pad(starMark, to: 8))已收藏（按 * 收藏或取消）", "  \(DisplayWidth.pad(starMark, to: 8)) starred (* stars and unstars)")))
        rows.append(SheetRow(language.pick("  开放中  按开放时间此刻开放；即将关闭 = 30 分钟内关闭；无法解析的开放时间不判断",
                                           "  open    open now by its hours; closing soon = within 30 min; unreadable hours are not judged")))
        let mark = DisplayWidth.pad(linkMark, to: 8)
        rows.append(SheetRow(language.pick("  \(mark)可以按 Enter 打开的行（Tab 跳到下一个）", "  \(mark) a row Enter opens (Tab jumps to the next)")))
        if mode == .map {
            rows.append(SheetRow(language.pick("  地图北向上；圆为真实的大地测量圆（WGS-84）；街道边界为手绘近似",
                                               "  North is up; circles are true geodesic circles (WGS-84); subdistrict boundaries are hand-drawn")))
            rows.append(SheetRow(language.pick("  样例服务点显示为暗色，参考服务点为粗体；无彩色时每个领域用数字 1–9 表示",
                                               "  Sample points are dim, reference points bold; without colour each domain shows as a digit 1–9")))
        }
        if mode == .nearby || mode == .map {
            rows.append(SheetRow(language.pick("  距离为直线距离；步行路线通常长 1.2–1.5 倍，按此估算步行时间",
                                               "  Distances are straight lines; walks are 1.2–1.5× longer, and the time allows for that")))
        }
        return rows
    }
}
