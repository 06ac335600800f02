import ArgumentParser

/// `fuwu manual`: prints the man page as roff (what `make install` installs as fuwu.1).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the man page fuwu(1) as roff (make install installs it; read it with man -l).",
        shouldDisplay: false)

    func run() throws {
        print(try ManualPage.current().rendered(), terminator: "")
    }
}
