/// The environment variables fuwu reads, for the man page; a test checks that every variable the
/// sources read is listed here.
enum EnvironmentVariable {
    /// Each variable with what it does.
    static let table: [(name: String, meaning: String)] = [
        ("FUWU_CATALOGUE", "The catalogue folder to use when --catalogue is not given; it comes before every installed or built-in copy."),
        ("FUWU_NO_SOURCE_TREE", "Set to 1 to leave the source tree out of the catalogue lookup, so that a binary run inside its source tree uses the installed catalogue."),
        ("XDG_DATA_DIRS", "Folders searched for fuwu/futian after share/fuwu beside the binary (default /usr/local/share:/usr/share)."),
        ("FUWU_CACHE_DIR", "Where compiled catalogues are cached (default $XDG_CACHE_HOME/fuwu, else ~/.cache/fuwu)."),
        ("XDG_CACHE_HOME", "The cache's parent folder when FUWU_CACHE_DIR is not set."),
        ("HOME", "The cache is ~/.cache/fuwu when neither FUWU_CACHE_DIR nor XDG_CACHE_HOME is set."),
        ("TMPDIR", "Where the browser keeps its standard-error log while the screen is in use."),
        ("FUWU_STATE_DIR", "The folder of state.sqlite, where saved places, favourites, history and reading positions are kept (default $XDG_STATE_HOME/fuwu, else ~/.local/state/fuwu)."),
        ("XDG_STATE_HOME", "The state folder's parent when FUWU_STATE_DIR is not set."),
        ("FUWU_HYPERLINKS", "Set to 1 to make links on point pages and in point output OSC 8 hyperlinks, like --hyperlinks."),
        ("FUWU_IMPORT_DATE", "The import date (YYYY-MM-DD) fuwu import records on every record, instead of today in Shenzhen; for reproducible imports and tests."),
        ("FUWU_IMPORT_FAIL_AFTER_WRITE", "Test only: set to 1 to make fuwu import stop after writing and validating the new catalogue, before the swap, to show the old one is left unchanged."),
        ("FUWU_EVENT_TIMES", "Test only: a file where the browser logs each key's handling time (the monkey test reads it)."),
        ("FUWU_STATE_TEST_PAUSE", "Test only: a FIFO a state save waits on inside its transaction, so a test can kill the browser mid-save."),
        ("NO_COLOR", "Any value turns colour off in the browser, like --no-color."),
        ("TERM", "The terminal type; dumb or an unknown type makes the browser refuse to start (exit 69)."),
        ("LANG, LC_ALL, LC_CTYPE", "A non-UTF-8 locale is switched to C.UTF-8 for the browser's screen."),
    ]
}
