import ChineseText

/// The page shown when the terminal is below the minimum size.
enum TooSmallView {
    static func render(width: Int, height: Int, into screen: inout Screen) {
        let lines = ["终端太小", "terminal too small",
                     "≥ \(Layout.minimumWidth)×\(Layout.minimumHeight), \(width)×\(height)"]
        let top = max(0, (height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let w = DisplayWidth.of(line, ambiguousWide: screen.ambiguousWide)
            let column = max(0, (width - w) / 2)
            screen.put(line, row: top + offset, column: column, style: offset < 2 ? .warning : .normal)
        }
    }
}
