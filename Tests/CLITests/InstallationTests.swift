import BrowserUI
import Foundation
import Testing
@testable import fuwu

/// How fuwu finds its catalogue, says its version and documents itself.
@Suite struct InstallationTests {
    let fuwu = FuwuProcess()
    static let root = FuwuProcess.packageRoot

    // MARK: the catalogue lookup order

    /// A locator over a made-up file system in which `existing` folders hold a catalogue.
    private func locator(executable: String?, environment: [String: String] = [:], existing: Set<String>) -> CatalogueLocator {
        CatalogueLocator(environment: environment, executable: executable.map { URL(fileURLWithPath: $0) },
                         sourceRoot: URL(fileURLWithPath: "/src/fuwu"),
                         holdsCatalogue: { existing.contains($0.standardizedFileURL.path) })
    }

    private let everywhere: Set<String> = ["/src/fuwu/data/futian", "/opt/fuwu/share/fuwu/futian", "/src/fuwu/.build/share/fuwu/futian",
                                           "/xdg/one/fuwu/futian", "/xdg/two/fuwu/futian", "/usr/local/share/fuwu/futian"]

    @Test func fuwuCatalogueComesFirstAndIsTakenAsGiven() {
        let found = locator(executable: "/opt/fuwu/bin/fuwu", environment: ["FUWU_CATALOGUE": "/mine"], existing: everywhere).locate()
        #expect(found == CatalogueLocation(folder: URL(fileURLWithPath: "/mine", isDirectory: true), origin: .environment))
    }

    @Test func anInstalledBinaryUsesShareFuwuBesideItBeforeDataDirsAndTheSourceTree() {
        let found = locator(executable: "/opt/fuwu/bin/fuwu", environment: ["XDG_DATA_DIRS": "/xdg/one"], existing: everywhere).locate()
        #expect(found?.folder.path == "/opt/fuwu/share/fuwu/futian")
        #expect(found?.origin == .besideBinary)
    }

    @Test func thenEachDataDirInOrderWithTheSpecificationsDefault() {
        let elsewhere = everywhere.subtracting(["/opt/fuwu/share/fuwu/futian"])
        let xdg = locator(executable: "/opt/fuwu/bin/fuwu", environment: ["XDG_DATA_DIRS": "relative:/xdg/two:/xdg/one"],
                          existing: elsewhere).locate()
        #expect(xdg == CatalogueLocation(folder: URL(fileURLWithPath: "/xdg/two/fuwu/futian", isDirectory: true), origin: .dataDirs))
        let standard = locator(executable: "/opt/fuwu/bin/fuwu", existing: elsewhere).locate()
        #expect(standard?.folder.path == "/usr/local/share/fuwu/futian")
    }

    @Test func theSourceTreeComesLastForABinaryBuiltElsewhere() {
        let found = locator(executable: "/opt/fuwu/bin/fuwu", existing: ["/src/fuwu/data/futian"]).locate()
        #expect(found == CatalogueLocation(folder: URL(fileURLWithPath: "/src/fuwu/data/futian", isDirectory: true), origin: .sourceTree))
        #expect(locator(executable: "/opt/fuwu/bin/fuwu", environment: ["FUWU_NO_SOURCE_TREE": "1"],
                        existing: ["/src/fuwu/data/futian"]).locate() == nil)
    }

    @Test func aBinaryBuiltInTheTreeUsesTheTreeBeforeAnyInstalledCatalogue() {
        for executable in ["/src/fuwu/.build/debug/fuwu", "/src/fuwu/.build/x86_64-unknown-linux-gnu/release/fuwu",
                           "/src/fuwu/.build-tsan/debug/fuwu"] {
            let tree = locator(executable: executable, environment: ["XDG_DATA_DIRS": "/xdg/one"], existing: everywhere)
            #expect(tree.isInTreeBuild, "\(executable)")
            #expect(tree.locate()?.origin == .sourceTree, "\(executable)")
        }
        #expect(!locator(executable: "/src/fuwu-copy/bin/fuwu", existing: everywhere).isInTreeBuild)
        #expect(!locator(executable: "/src/fuwu/.buildings/fuwu", existing: everywhere).isInTreeBuild)
        let installedOnly = locator(executable: "/src/fuwu/.build/debug/fuwu",
                                    environment: ["FUWU_NO_SOURCE_TREE": "1", "XDG_DATA_DIRS": "/xdg/one"], existing: everywhere)
        #expect(installedOnly.locate()?.folder.path == "/src/fuwu/.build/share/fuwu/futian")
        #expect(installedOnly.candidates().allSatisfy { $0.origin != .sourceTree })
    }

    @Test func theCatalogueOptionComesBeforeFuwuCatalogue() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["domains", "--format", "csv", "--lang", "en", "--catalogue", FuwuProcess.validFixture.path],
                                  environment: ["FUWU_CATALOGUE": "/nonexistent"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id,domain,items,points,Chinese\n"))
    }

    @Test func theBuiltBinaryFindsItsTreeFromAnyFolderAndSaysNothingElseIsThere() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--format", "json"], in: URL(fileURLWithPath: "/"),
                                  environment: ["XDG_DATA_DIRS": FuwuProcess.validFixture.deletingLastPathComponent().path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"items\": 143"))
        let nowhere = try fuwu.run(["stats"], in: URL(fileURLWithPath: "/"),
                                   environment: ["FUWU_NO_SOURCE_TREE": "1", "XDG_DATA_DIRS": "/nonexistent"])
        #expect(nowhere.status == 66)
        #expect(nowhere.stdout == "")
        #expect(nowhere.stderr.hasPrefix("fuwu: error: 找不到福田目录"))
    }

    // MARK: --version

    /// The version as written in its one place, read from the source file itself.
    static func versionInSource() throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("Sources/fuwu/FuwuVersion.swift"), encoding: .utf8)
        let match = try #require(text.firstMatch(of: /static let number = "([0-9]+\.[0-9]+\.[0-9]+)"/))
        return String(match.1)
    }

    @Test func theVersionIsWrittenOnceAndEveryOutputAgrees() throws {
        defer { fuwu.cleanUp() }
        let version = try Self.versionInSource()
        #expect(FuwuVersion.number == version)
        let printed = try fuwu.run(["--version"])
        #expect(printed.stdout.hasPrefix("fuwu \(version)\n"))
        let manual = try fuwu.run(["manual"])
        #expect(manual.stdout.contains(".TH FUWU 1 \"\" \"fuwu \(version)\" \"User Commands\"\n"))
    }

    @Test func versionNamesTheCatalogueInUseWithoutATerminalAndExitsZero() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["--version"], in: URL(fileURLWithPath: "/"))
        #expect(result == .init(status: 0, stdout: """
        fuwu \(FuwuVersion.number)
        目录      \(Self.root.path)/data/futian  (源代码目录)
        名称      福田区基本公共服务清单
        版本日期  2023-06-14
        记录      参考 540 条，样例 2589 条（9 个领域、143 项事项、2085 个服务点、892 份标准文本）

        """, stderr: ""))
        let english = try fuwu.run(["version", "--lang", "en", "--catalogue", FuwuProcess.validFixture.path])
        #expect(english.status == 0)
        #expect(english.stdout.contains("catalogue     \(FuwuProcess.validFixture.path)  (given by --catalogue)\n"))
        // Options before or after the flag, as the other commands take them.
        let before = try fuwu.run(["--lang", "en", "--catalogue", FuwuProcess.validFixture.path, "--version"])
        #expect(before == english)
    }

    @Test func versionWithNoCatalogueStillPrintsTheVersionThenSaysWhy() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["--version", "--lang", "en"], environment: ["FUWU_CATALOGUE": "/nonexistent"])
        #expect(result.status == 66)
        #expect(result.stdout == "fuwu \(FuwuVersion.number)\n")
        #expect(result.stderr.hasPrefix("fuwu: error: "))
    }

    @Test func anInstalledCopyFindsTheCatalogueBesideIt() throws {
        defer { fuwu.cleanUp() }
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/fuwu"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FuwuProcess.executable, to: prefix.appendingPathComponent("bin/fuwu"))
        try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: prefix.appendingPathComponent("share/fuwu/futian"))
        let installed = FuwuProcess(executable: prefix.appendingPathComponent("bin/fuwu"), cache: fuwu.cache)
        let result = try installed.run(["--version", "--lang", "en"], in: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("catalogue     \(prefix.path)/share/fuwu/futian  (installed (share/fuwu beside the binary))\n"))
    }

    // MARK: the man page

    @Test func theManPageKeepsTheChineseNameAndDocumentsEveryCommand() throws {
        defer { fuwu.cleanUp() }
        let page = try fuwu.run(["manual"]).stdout
        #expect(page.contains("\n.SH NAME\nfuwu \\- 福田区基本公共服务清单 — browse Futian's basic public\\-service catalogue.\n"))
        let help = try fuwu.run(["--help"]).stdout
        // Command names stand two spaces in; wrapped abstracts further.
        let listed = help.components(separatedBy: "SUBCOMMANDS:\n")[1].split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.first?.isLowercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" } }
        #expect(listed.count >= 14)
        for command in listed {
            #expect(page.contains(".SS \"fuwu \(command)"), "\(command)")
        }
        for section in ["COMMON OPTIONS", "COMMANDS", "BROWSER KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(page.contains("\n.SH \(section)\n"), "\(section)")
        }
    }

    @Test func theManPageListsEveryKeyOfEveryScreenFromTheBrowsersKeyTable() throws {
        defer { fuwu.cleanUp() }
        let page = try fuwu.run(["manual"]).stdout
        for mode in Mode.allCases {
            #expect(page.contains(".SS \"\(ManualPage.escape(mode.title(.english))) (\(mode.title(.chinese)))\""), "\(mode)")
            for binding in KeyMap.standard.bindings(in: mode) {
                let entry = "\\fB\(ManualPage.escape(binding.keyLabel))\\fR\n"
                    + ManualPage.escape("\(binding.command.help(.english)) (\(binding.command.help(.chinese)))")
                #expect(page.contains(entry), "\(mode) \(binding.keyLabel)")
            }
        }
    }

    @Test func theManPageListsEveryEnvironmentVariableTheSourcesReadAndEveryExitStatus() throws {
        defer { fuwu.cleanUp() }
        let page = try fuwu.run(["manual"]).stdout
        let environment = try #require(page.components(separatedBy: "\n.SH ENVIRONMENT\n").last?.components(separatedBy: "\n.SH ").first)
        var read: Set<String> = []
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where ["swift", "h", "c"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /(?:environment\[|getenv\()"([A-Z_][A-Z0-9_]*)"/) { read.insert(String(match.1)) }
        }
        #expect(read.isSuperset(of: ["FUWU_CATALOGUE", "FUWU_CACHE_DIR", "NO_COLOR", "TERM"]))
        for name in read {
            #expect(environment.contains(ManualPage.escape(name)), "\(name) is read but not in the man page")
        }
        let exit = try #require(page.components(separatedBy: "\n.SH EXIT STATUS\n").last)
        for entry in ExitStatus.table {
            #expect(exit.contains(".B \(entry.status)\n\(ManualPage.escape(entry.meaning))"), "\(entry.status)")
        }
    }

    @Test func theManPageRendersWithManWhereManIsInstalled() throws {
        defer { fuwu.cleanUp() }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-\(UUID().uuidString).1")
        defer { try? FileManager.default.removeItem(at: page) }
        try fuwu.run(["manual"]).stdout.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-man", "-Tutf8", "-k", "-ww", "-z", page.path]
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(warnings == "")
    }
}
