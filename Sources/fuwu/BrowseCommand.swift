import ArgumentParser
import BrowserUI
import Catalogue
import CatalogueStore
import CursesTerminal
import Foundation
import UserState

/// `fuwu` with no subcommand: the terminal browser over the catalogue.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the terminal browser (what `fuwu` alone does).",
        discussion: """
        Needs a terminal: when standard input or output is not one, or TERM is dumb or unknown, \
        it says so and exits with status 69; use the other subcommands for text output. \
        NO_COLOR (any value) turns colour off like --no-color. A non-UTF-8 locale (LANG=C) is \
        switched to C.UTF-8 for the screen. The terminal is restored however the browser ends; \
        a signal (Ctrl-C, kill) ends it with the usual status 128 + n.
        """)

    @OptionGroup var options: CatalogueOptions

    @Flag(name: .customLong("no-color"), help: "No colour (reverse, bold and underline still mark things).")
    var noColor = false

    @Flag(help: "Draw borders with + - | instead of box-drawing characters.")
    var ascii = false

    @Flag(name: .customLong("ambiguous-wide"),
          help: "The terminal draws East-Asian ambiguous characters (box drawing, ·, …, ←) two columns wide: lay them out so, drawn as ASCII.")
    var ambiguousWide = false

    @Option(name: .customLong("cell-aspect"), help: ArgumentHelp("A terminal cell's width to height, so map circles come out round: 1:2 (default) or e.g. 0.45.", valueName: "W:H"))
    var cellAspect: CellAspect = CellAspect(ratio: BrowserOptions.defaultCellAspect)

    @Flag(help: "Use the mouse: click selects, the wheel scrolls (the terminal's own copy and paste then needs Shift).")
    var mouse = false

    @Flag(help: "Draw the point page's links as OSC 8 hyperlinks too (also FUWU_HYPERLINKS=1).")
    var hyperlinks = false

    @OptionGroup var clock: ClockOptions

    func run() throws {
        // Refuse before compiling or opening anything: `fuwu | less` should answer at once.
        if let refusal = CursesTerminal.refusal() { throw refuse(refusal) }
        let fixedNow = try clock.now.map { _ in try clock.unixSeconds(lang: options.lang) }
        let opened = try options.open()
        // Damaged or unwritable state never stops the browser: the warning goes to stderr and
        // to the first frame's status line.
        let state = UserStateOpening.openDeferred(environment: ProcessEnvironment.values)
        for warning in state.warnings { printError(options.lang.pick(warning.chinese, warning.english)) }
        let terminalOptions = CursesTerminalOptions.resolved(
            noColorFlag: noColor, mouse: mouse, environment: ProcessEnvironment.values)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: terminalOptions)
        } catch {
            throw refuse(error)
        }
        defer { terminal.close() }
        let browserOptions = BrowserOptions(
            language: options.lang == .en ? .english : .chinese, ascii: ascii,
            colour: terminalOptions.colour, ambiguousWide: ambiguousWide, mouse: mouse,
            domainColours: terminal.domainColours, cellAspect: cellAspect.ratio,
            hyperlinks: HyperlinkSetting.enabled(flag: hyperlinks))
        var clockOverride: (@Sendable () -> Int64)?
        if let fixedNow { clockOverride = { fixedNow } }
        BrowseSession.run(opened, options: browserOptions, terminal: terminal, state: state, now: clockOverride)
    }

    /// Prints a refusal's bilingual message and gives the exit status for it (69).
    private func refuse(_ error: CursesTerminalError) -> ExitCode {
        printError(error.message)
        return ExitCode(CursesTerminalError.exitStatus)
    }
}
