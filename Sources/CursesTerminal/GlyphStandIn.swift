/// ASCII stand-ins for characters whose width the screen and the terminal library disagree on.
///
/// With `--ambiguous-wide` the screen gives East-Asian ambiguous characters (·, …, ●, ←) two
/// columns, as the user's terminal draws them, but ncurses measures with the C library's
/// wcwidth, which says one: drawn as they are, ncurses would lose track of the cursor and shift
/// or overwrite what follows. Such a character is drawn instead as ASCII that fills exactly the
/// columns the screen gave it, so the layout holds and nothing ambiguous reaches the terminal.
public enum GlyphStandIn {
    /// Two-column ASCII spellings of common ambiguous characters.
    static let wide: [Character: String] = [
        "·": ". ", "…": "..", "—": "--", "–": "- ", "―": "--", "‥": "..",
        "“": "\" ", "”": "\" ", "‘": "' ", "’": "' ",
        "●": "* ", "○": "o ", "◎": "o ", "◆": "* ", "◇": "o ", "★": "* ", "☆": "* ",
        "■": "# ", "□": "[]", "▲": "^ ", "△": "^ ", "▼": "v ", "▽": "v ",
        "▶": "> ", "▸": "> ", "►": "> ", "◀": "< ", "◂": "< ",
        "←": "<-", "→": "->", "↑": "^ ", "↓": "v ", "⇒": "=>", "↔": "<>",
        "×": "x ", "÷": "/ ", "±": "+-", "°": "o ", "§": "S ", "※": "* ", "√": "v ",
        "│": "| ", "─": "--", "┌": "+-", "┐": "+ ", "└": "+-", "┘": "+ ", "├": "+-", "┤": "+ ",
        "┬": "+-", "┴": "+-", "┼": "+-",
    ]

    /// What to draw instead of `character`, which the screen gave `columns` columns and the
    /// terminal library measures as `libraryColumns` (wcwidth; negative for unprintable), or nil
    /// to draw it as it is. The result fills exactly `columns` columns with ASCII.
    public static func replacement(for character: Character, columns: Int, libraryColumns: Int) -> String? {
        if libraryColumns == columns { return nil }
        if columns >= 2 { return wide[character] ?? "? " }
        return "?"
    }
}
