import Foundation
import Testing

/// Write errors, exit statuses, shared options before the subcommand, and text that must never
/// reach the terminal raw.
@Suite struct HardeningCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    /// Runs a shell command line with `$FUWU` set to the binary and the private cache.
    func shell(_ line: String, environment: [String: String] = [:]) throws -> FuwuProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        var env = ["FUWU_CACHE_DIR": fuwu.cache.path, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
                   "LANG": "C.UTF-8", "FUWU": FuwuProcess.executable.path, "FIXTURE": fixture]
        env.merge(environment) { $1 }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: [
        "items", "items --format csv", "items --format json", "standard S0001", "validate --format json $FIXTURE", "stats",
    ])
    func aFullDiskIsReportedWithExitStatus74(arguments: String) throws {
        defer { fuwu.cleanUp() }
        let result = try shell("\"$FUWU\" \(arguments) --catalogue \"$FIXTURE\" > /dev/full")
        #expect(result == .init(status: 74, stdout: "", stderr: "fuwu: error: cannot write the output: No space left on device\n"))
    }

    @Test func aClosedStandardOutputIsReportedWithExitStatus74() throws {
        defer { fuwu.cleanUp() }
        let result = try shell("\"$FUWU\" items --catalogue \"$FIXTURE\" >&-")
        #expect(result == .init(status: 74, stdout: "", stderr: "fuwu: error: cannot write the output: standard output is closed\n"))
    }

    @Test func aReaderThatStopsEarlyEndsTheProgramQuietlyBySIGPIPE() throws {
        defer { fuwu.cleanUp() }
        let result = try shell("\"$FUWU\" points --catalogue \"$FIXTURE\" | head -c 1 > /dev/null; exit 0")
        #expect(result == .init(status: 0, stdout: "", stderr: ""))
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["help", "nosuch"])
        #expect(result == .init(status: 64, stdout: "", stderr: "fuwu: error: no such command 'nosuch'; 'fuwu help' lists the commands\n"))
    }

    @Test func sharedOptionsMayComeBeforeTheSubcommand() throws {
        defer { fuwu.cleanUp() }
        let before = try fuwu.run(["--catalogue", fixture, "--lang", "en", "domains"])
        let after = try fuwu.run(["domains", "--catalogue", fixture, "--lang", "en"])
        #expect(before.status == 0)
        #expect(before == after)
        let equals = try fuwu.run(["--lang=en", "--catalogue=\(fixture)", "domains"])
        #expect(equals == after)
    }

    @Test func validatingAPathThatIsNotAFolderIsOneLineAndStatus66() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["validate", "/dev/null", "--lang", "en"])
        #expect(result == .init(status: 66, stdout: "", stderr: "fuwu: error: not a folder: /dev/null; give the folder that holds the catalogue's files\n"))
    }

    @Test func errorMessagesEchoArgumentsSanitised() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["item", "\u{1B}[2J\u{202E}", "--catalogue", fixture, "--lang", "en"])
        #expect(result.status == 66)
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(result.stderr.contains("\\u{1B}[2J\\u{202E}"))
    }

    @Test func anUnwritableCacheIsStatus73WithAPlainMessage() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--catalogue", fixture], environment: ["FUWU_CACHE_DIR": "/dev/null/cache"])
        #expect(result == .init(status: 73, stdout: "", stderr: """
            fuwu: error: cannot write the compiled catalogue /dev/null/cache/\(FuwuProcess.validFixture.lastPathComponent)-\(try cacheSuffix()).sqlite: \
            not a directory in /dev/null/cache; set FUWU_CACHE_DIR to a writable folder

            """))
    }

    /// The hash part of the fixture's cache file name, read from a real build.
    func cacheSuffix() throws -> String {
        _ = try fuwu.run(["build", "--catalogue", fixture])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path).first { $0.hasSuffix(".sqlite") })
        return String(name.dropFirst(FuwuProcess.validFixture.lastPathComponent.count + 1).dropLast(".sqlite".count))
    }

    @Test func aFIFOInPlaceOfTheCompiledCatalogueIsReplacedWithoutHanging() throws {
        defer { fuwu.cleanUp() }
        let good = try fuwu.run(["domains", "--catalogue", fixture, "--lang", "en"])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path).first { $0.hasSuffix(".sqlite") })
        let path = fuwu.cache.appendingPathComponent(name).path
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        let result = try fuwu.run(["domains", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 0, stdout: good.stdout,
                                stderr: "fuwu: note: the compiled catalogue was damaged (it is not a regular file); rebuilt it from the sources\n"))
    }

    @Test func aFlippedBitInTheCompiledCatalogueIsRebuiltWithANoteAndTheSameAnswer() throws {
        defer { fuwu.cleanUp() }
        let good = try fuwu.run(["items", "--catalogue", fixture, "--lang", "en"])
        // Commands read the records from the start-up file beside the database.
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path).first { $0.hasSuffix(".image") })
        let url = fuwu.cache.appendingPathComponent(name)
        var bytes = [UInt8](try Data(contentsOf: url))
        // 咨询 → 璨询 was the reported damage: flip a bit inside an item's name.
        let needle = Array("家庭医生签约服务".utf8)
        let at = try #require(bytes.indices.first { bytes[$0..<min(bytes.count, $0 + needle.count)].elementsEqual(needle) })
        bytes[at + 1] ^= 0x04
        try Data(bytes).write(to: url)
        let result = try fuwu.run(["items", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 0, stdout: good.stdout,
                                stderr: "fuwu: note: the compiled catalogue was damaged (its start-up file's catalogue section fails its checksum); rebuilt it from the sources\n"))
    }

    @Test func aFlippedBitInAStandardBodyIsRebuiltWithANoteAndTheSameAnswer() throws {
        defer { fuwu.cleanUp() }
        let good = try fuwu.run(["standard", "S0001", "--catalogue", fixture, "--lang", "en"])
        #expect(good.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path).first { $0.hasSuffix(".sqlite") })
        let url = fuwu.cache.appendingPathComponent(name)
        var bytes = [UInt8](try Data(contentsOf: url))
        // The bodies stay in SQLite and are read page by page, each page checked, when one is
        // shown. Damage every copy of a sentence (the body and the full-text table's).
        let needle = Array("居民通过电话预约".utf8)
        let places = bytes.indices.filter { bytes[$0..<min(bytes.count, $0 + needle.count)].elementsEqual(needle) }
        #expect(!places.isEmpty)
        for at in places { bytes[at + 1] ^= 0x04 }
        try Data(bytes).write(to: url)
        let result = try fuwu.run(["standard", "S0001", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 0, stdout: good.stdout,
                                stderr: "fuwu: note: the compiled catalogue was damaged (a page checksum does not match); rebuilding it from the sources\n"))
    }

    @Test(arguments: [["search", "家庭"], ["nearby", "--at", "ceshizhan"]])
    func damageFoundAfterStartUpRebuildsAndRunsTheCommandAgain(command: [String]) throws {
        defer { fuwu.cleanUp() }
        let good = try fuwu.run(command + ["--catalogue", fixture, "--lang", "en"])
        #expect(good.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path).first { $0.hasSuffix(".image") })
        let url = fuwu.cache.appendingPathComponent(name)
        var bytes = [UInt8](try Data(contentsOf: url))
        // The search index (section 1) and the place-name keys (section 2) are read only when a
        // command needs them, not at start-up: flip a bit in the middle of the one this command reads.
        let section = command[0] == "search" ? 1 : 2
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let (offset, length) = (u64(48 + section * 24), u64(48 + section * 24 + 8))
        bytes[offset + length / 2] ^= 0x01
        try Data(bytes).write(to: url)
        let result = try fuwu.run(command + ["--catalogue", fixture, "--lang", "en"])
        let what = section == 1 ? "search" : "places"
        #expect(result == .init(status: 0, stdout: good.stdout,
                                stderr: "fuwu: note: the compiled catalogue was damaged (its start-up file's \(what) section fails its checksum); rebuilding it from the sources\n"))
    }

    @Test func nearbySummaryLinesAndLongCellsAreSafeInTables() throws {
        defer { fuwu.cleanUp() }
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let domains = folder.appendingPathComponent("domains.json")
        let text = try String(contentsOf: domains, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"name\": \"文化体育保障\"", with: "\"name\": \"文化\\u001b[31m\\u0007体育\"").utf8).write(to: domains)
        let items = folder.appendingPathComponent("items.json")
        let long = String(repeating: "长", count: 150)
        let itemsText = try String(contentsOf: items, encoding: .utf8)
        try Data(itemsText.replacingOccurrences(of: "\"name\": \"家庭医生签约服务\"", with: "\"name\": \"\(long)\"").utf8).write(to: items)
        let nearby = try fuwu.run(["nearby", "--at", "22.545,114.05", "--catalogue", folder.path])
        #expect(nearby.status == 0)
        #expect(!nearby.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(nearby.stdout.contains("文化\\u{1B}[31m\\u{7}体育"))
        let listing = try fuwu.run(["items", "--catalogue", folder.path])
        let row = try #require(listing.stdout.split(separator: "\n").first { $0.contains("长长") })
        #expect(row.contains(String(repeating: "长", count: 39) + "…"))
        #expect(!row.contains(String(repeating: "长", count: 40)))
    }

    @Test func aNULInCatalogueTextShowsInertInsteadOfCuttingTheText() throws {
        defer { fuwu.cleanUp() }
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = folder.appendingPathComponent("items.json")
        let text = try String(contentsOf: items, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"content\": \"签约服务\"", with: "\"content\": \"A\\u0000B\"").utf8).write(to: items)
        let result = try fuwu.run(["item", "D4-01", "--catalogue", folder.path])
        #expect(result.stdout.contains("服务内容      A\\u{0}B\n"))
    }
}
