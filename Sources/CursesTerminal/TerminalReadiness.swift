/// The checks made before ncurses is touched, as a pure function of what the process sees.
public enum TerminalReadiness {
    /// Why the browser must not start, or nil when it may try: output and input must be
    /// terminals and TERM must name something better than `dumb`.
    public static func refusal(term: String?, standardInputIsTerminal: Bool,
                               standardOutputIsTerminal: Bool) -> CursesTerminalError? {
        if !standardOutputIsTerminal { return .notATerminal(stream: "stdout") }
        if !standardInputIsTerminal { return .notATerminal(stream: "stdin") }
        let name = term ?? ""
        if name.isEmpty || name == "dumb" { return .dumbTerminal(term: name) }
        return nil
    }
}
