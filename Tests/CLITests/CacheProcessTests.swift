import Foundation
import Testing

/// The compiled catalogue under several processes at once, and after a build killed midway.
@Suite struct CacheProcessTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    /// Files in the cache folder other than compiled catalogues (a database and its start-up file).
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fuwu.cache.path)
            .filter { !$0.hasSuffix(".sqlite") && !$0.hasSuffix(".image") }.sorted()
    }

    @Test func concurrentColdStartsAllAnswerTheSameAndLeaveNothingBehind() async throws {
        defer { fuwu.cleanUp() }
        let results = try await withThrowingTaskGroup(of: FuwuProcess.Result.self) { group in
            for _ in 0..<6 { group.addTask { try fuwu.run(["items", "--catalogue", fixture, "--lang", "en"]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let reference = try fuwu.run(["items", "--catalogue", fixture, "--lang", "en"])
        #expect(reference.status == 0)
        for result in results { #expect(result == reference) }
        #expect(try leftovers() == [])
    }

    @Test func aBuildKilledMidwayLeavesNoDamageAndItsLeftoversAreRemovedLater() throws {
        defer { fuwu.cleanUp() }
        let embedded = FuwuProcess.packageRoot.appendingPathComponent("data/futian").path
        let process = Process()
        process.executableURL = FuwuProcess.executable
        process.arguments = ["build", "--catalogue", embedded]
        process.environment = ["FUWU_CACHE_DIR": fuwu.cache.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (polling, no fixed sleep) until the build is writing its temporary database.
        var temporary: String?
        let deadline = Date().addingTimeInterval(120)
        while temporary == nil, process.isRunning, Date() < deadline {
            temporary = (try? leftovers())?.first { $0.hasSuffix(".tmp") }
            if temporary == nil { usleep(2000) }
        }
        let name = try #require(temporary)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Young leftovers stay (a build might still own them); old unlocked ones go.
        _ = try fuwu.run(["stats", "--catalogue", fixture])
        #expect(try leftovers().contains(name))
        for leftover in try leftovers() {
            let path = fuwu.cache.appendingPathComponent(leftover).path
            var times = [timespec(tv_sec: time(nil) - 700, tv_nsec: 0), timespec(tv_sec: time(nil) - 700, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }
        let after = try fuwu.run(["stats", "--catalogue", fixture, "--lang", "en"])
        #expect(after.status == 0)
        #expect(after.stderr == "")
        #expect(try leftovers() == [])
    }
}
