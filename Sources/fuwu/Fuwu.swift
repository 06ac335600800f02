import ArgumentParser
import Foundation

/// The `fuwu` command: a browser for Futian's basic public-service catalogue, and the same
/// answers as text for scripts.
struct Fuwu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuwu",
        abstract: "福田区基本公共服务清单 — browse Futian's basic public-service catalogue.",
        discussion: """
        With no subcommand, fuwu opens the terminal browser. Exit status: 0 ok, 64 usage error, \
        65 catalogue data error, 66 missing input (unknown id, missing catalogue folder), 69 no \
        usable terminal for the browser (use the other subcommands), 128+n when ended by signal n. \
        Errors go to stderr. Labels are Chinese unless --lang en.
        """,
        subcommands: [
            DomainsCommand.self, ItemsCommand.self, ItemCommand.self, PointsCommand.self, PointCommand.self,
            StandardsCommand.self, StandardCommand.self, StatsCommand.self, ValidateCommand.self, BuildCommand.self,
            NearbyCommand.self,
            SearchCommand.self,
            NamesCommand.self,
            BrowseCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}

@main
enum FuwuMain {
    static func main() {
        do {
            var command = try Fuwu.parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            printError("fuwu: error: \(error.message)")
            exit(error.code)
        } catch {
            Fuwu.exit(withError: error)
        }
    }
}
