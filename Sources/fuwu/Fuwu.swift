import ArgumentParser
import CatalogueStore
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
            ImportCommand.self, ExportCommand.self,
            NearbyCommand.self, MapCommand.self,
            CoverageCommand.self,
            SearchCommand.self,
            NamesCommand.self,
            PlacesCommand.self, FavouritesCommand.self, HistoryCommand.self,
            BrowseCommand.self,
            VersionCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}

@main
enum FuwuMain {
    static func main() {
        // A closed stdout would let the next opened file take descriptor 1 and receive the output.
        guard StandardStreams.outputIsOpen else {
            printError("fuwu: error: cannot write the output: standard output is closed")
            exit(CLIError.ioErrorCode)
        }
        let typed = Array(CommandLine.arguments.dropFirst())
        // `--version` before the default `browse`, which would want a terminal.
        if let version = VersionCommand.request(in: typed) {
            do {
                try version.run()
                finish(0)
            } catch {
                printError("fuwu: error: \((error as? CLIError)?.message ?? "\(error)")")
                finish((error as? CLIError)?.code ?? CLIError.data("").code)
            }
        }
        let arguments = ArgumentOrder.normalised(typed, subcommands: subcommandNames)
        var status: Int32 = 0
        var rebuilt = false
        while true {
            do {
                if arguments.first == "help", arguments.count > 1, !subcommandNames.contains(arguments[1]) {
                    throw CLIError.usage("no such command '\(arguments[1])'; 'fuwu help' lists the commands")
                }
                var command = try Fuwu.parseAsRoot(arguments)
                try command.run()
            } catch let error as CLIError {
                printError("fuwu: error: \(error.message)")
                status = error.code
            } catch StoreError.damaged(let path, let reason) where !rebuilt {
                // A page read after start-up failed its checksum: remove the file and run the
                // command again, which rebuilds it from the sources.
                CatalogueCache.discard(databasePath: path)
                printError("fuwu: note: the compiled catalogue was damaged (\(reason)); rebuilding it from the sources")
                rebuilt = true
                continue
            } catch let error as StoreError {
                printError("fuwu: error: \(error.description)")
                status = CLIError.data("").code
            } catch {
                status = ParseErrorText.report(error, arguments: arguments)
            }
            break
        }
        finish(status)
    }

    /// The names of the subcommands, for `help` and for moving shared options.
    static let subcommandNames: Set<String> = Set(Fuwu.configuration.subcommands.compactMap { $0.configuration.commandName })

    /// Flushes stdout and exits; a failed write (a full disk, a closed pipe reader that did not
    /// raise SIGPIPE) is reported and exits 74 instead of passing for success.
    static func finish(_ status: Int32) -> Never {
        if let reason = StandardStreams.flushOutput() {
            printError("fuwu: error: cannot write the output: \(reason)")
            exit(CLIError.ioErrorCode)
        }
        exit(status)
    }
}
