import ChineseText

extension Screen {
    /// Draws text cut to `columns` with an ellipsis, each character styled by its offset
    /// (highlights), and returns the columns used. Unsafe characters are made inert first; when
    /// that changes the text, highlights are dropped because their offsets no longer apply.
    @discardableResult
    mutating func putStyled(_ text: String, row: Int, column: Int, columns: Int, style: Style,
                            highlights: [Range<Int>] = [], highlightStyle: Style = .match,
                            ellipsis: String = "…") -> Int {
        guard columns > 0 else { return 0 }
        let safe = Sanitiser.line(text)
        let marks = safe == text ? highlights : []
        let total = DisplayWidth.of(safe, ambiguousWide: ambiguousWide)
        let ellipsisWidth = DisplayWidth.of(ellipsis, ambiguousWide: ambiguousWide)
        let budget = total <= columns ? columns : max(0, columns - ellipsisWidth)
        var used = 0
        for (offset, character) in safe.enumerated() {
            let w = DisplayWidth.of(character, ambiguousWide: ambiguousWide)
            if used + w > budget { break }
            let cellStyle = marks.contains(where: { $0.contains(offset) }) ? highlightStyle : style
            used += put(String(character), row: row, column: column + used, style: cellStyle, maxColumns: w)
        }
        if total > columns, ellipsisWidth <= columns - used {
            used += put(ellipsis, row: row, column: column + used, style: style, maxColumns: columns - used)
        }
        return used
    }

    /// Draws a list row: a title at the left and tags packed at the right; tags give way, lowest
    /// priority first, when the title would get less than three fifths of the row. The whole row is filled with the
    /// row's style so a selection shows across it.
    mutating func putRow(_ title: String, row: Int, column: Int, columns: Int, style: Style,
                         highlights: [Range<Int>] = [], tags: [SheetRow.Piece] = [], ellipsis: String = "…") {
        guard columns > 0 else { return }
        fill(row: row, column: column, height: 1, width: columns, style: style)
        var shown = tags
        func tagWidth() -> Int { shown.reduce(0) { $0 + DisplayWidth.of($1.text, ambiguousWide: ambiguousWide) + 1 } }
        let titleWidth = DisplayWidth.of(Sanitiser.line(title), ambiguousWide: ambiguousWide)
        // Tags stay while the title fits whole, or still gets three fifths of the row.
        // Kept tags stay however short the row.
        while columns - tagWidth() < min(titleWidth, max(columns * 3 / 5, 6)),
              let lowest = shown.map(\.priority).filter({ $0 < SheetRow.Piece.kept }).min(),
              let index = shown.lastIndex(where: { $0.priority == lowest }) {
            shown.remove(at: index)
        }
        // Even kept tags go when they alone are wider than the row (a very narrow pane).
        while tagWidth() > columns, !shown.isEmpty { shown.removeLast() }
        let tagColumns = tagWidth()
        putStyled(title, row: row, column: column, columns: columns - tagColumns, style: style,
                  highlights: highlights, ellipsis: ellipsis)
        var at = column + columns - tagColumns + 1
        for tag in shown {
            let tagStyle: Style = style == .selected ? .selected : tag.style
            at += put(tag.text, row: row, column: at, style: tagStyle) + 1
        }
    }

    /// Draws a details row's pieces from `column`, cut to `columns`.
    mutating func putPieces(_ pieces: [SheetRow.Piece], row: Int, column: Int, columns: Int,
                            override: Style? = nil, ellipsis: String = "…") {
        var used = 0
        for piece in pieces where used < columns {
            used += putStyled(piece.text, row: row, column: column + used, columns: columns - used,
                              style: override ?? piece.style, ellipsis: ellipsis)
        }
    }
}
