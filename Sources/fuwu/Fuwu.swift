import ArgumentParser
import Foundation

/// The `fuwu` command: a browser for Futian's basic public-service catalogue, and the same
/// answers as text for scripts.
struct Fuwu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuwu",
        abstract: "福田区基本公共服务清单 — browse Futian's basic public-service catalogue.",
        discussion: """
        With no subcommand, fuwu opens the terminal browser. Errors go to stderr as \
        'fuwu: error: …'. Labels and messages are Chinese unless --lang en. \(ExitStatus.summary)
        """,
        subcommands: [
            DomainsCommand.self, ItemsCommand.self, ItemCommand.self, PointsCommand.self, PointCommand.self,
            StandardsCommand.self, StandardCommand.self, StatsCommand.self, ValidateCommand.self, BuildCommand.self,
            NearbyCommand.self,
            SearchCommand.self,
            BrowseCommand.self,
            VersionCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}

@main
enum FuwuMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            // `--version` before the default `browse`, which would want a terminal.
            if let version = VersionCommand.request(in: arguments) {
                try version.run()
                return
            }
            var command = try Fuwu.parseAsRoot(arguments)
            try command.run()
        } catch let error as CLIError {
            printError("fuwu: error: \(error.message)")
            exit(error.code)
        } catch {
            exit(ParseErrorText.report(error, arguments: arguments))
        }
    }
}
