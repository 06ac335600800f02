/// The exit statuses fuwu uses, in one table for `fuwu --help`, the man page and docs/cli.md.
enum ExitStatus {
    /// Each status with what it means.
    static let table: [(status: String, meaning: String)] = [
        ("0", "success (a validate with warnings only is a success)"),
        ("64", "usage error: unknown command or option, malformed value"),
        ("65", "data error: the catalogue has errors (validate, build, or a first compile)"),
        ("66", "missing input: unknown id, code or name; catalogue folder not found"),
        ("69", "the browser found no usable terminal (TERM=dumb, unknown terminfo, not a terminal): use the other commands"),
        ("128+n", "the browser was ended by signal n (the terminal is restored first)"),
    ]

    /// The table as one sentence, for `fuwu --help`.
    static var summary: String {
        "Exit status: " + table.map { "\($0.status) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}
