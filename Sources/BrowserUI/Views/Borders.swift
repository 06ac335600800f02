/// The characters borders are drawn with: box drawing, or ASCII when asked for or when the
/// terminal may draw box characters two columns wide.
struct Borders: Sendable {
    let vertical: Character
    let horizontal: Character
    let linkMark: String
    let ellipsis: String
    let pathSeparator: String

    init(ascii: Bool) {
        vertical = ascii ? "|" : "│"
        horizontal = ascii ? "-" : "─"
        linkMark = ascii ? "> " : "▸ "
        ellipsis = ascii ? "~" : "…"
        pathSeparator = ascii ? " > " : " › "
    }
}
