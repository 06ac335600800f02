/// The exit statuses fuwu uses, in one table for `fuwu --help`, the man page and docs/cli.md.
enum ExitStatus {
    /// Each status with what it means.
    static let table: [(status: String, meaning: String)] = [
        ("0", "success (a validate with warnings only is a success)"),
        ("64", "usage error: unknown command or option, malformed value"),
        ("65", "data error: the catalogue has errors (validate, build, or a first compile); an import with rejected rows, undecided conflicts or a result that does not validate (the catalogue is left unchanged)"),
        ("66", "missing input: unknown id, code or name; catalogue folder not found"),
        ("69", "the browser found no usable terminal (TERM=dumb, unknown terminfo, not a terminal): use the other commands"),
        ("73", "cannot create: the compiled catalogue cannot be written (the cache folder is not writable or not a folder: set FUWU_CACHE_DIR), or a save to the user state failed"),
        ("74", "the output cannot be written (a full disk, a closed stdout)"),
        ("78", "the import mapping cannot be used (malformed TOML, an unknown field, a column or type the catalogue lacks): fix the mapping"),
        ("128+n", "the browser was ended by signal n (the terminal is restored first)"),
    ]

    /// The table as one sentence, for `fuwu --help`.
    static var summary: String {
        "Exit status: " + table.map { "\($0.status) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}
