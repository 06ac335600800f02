import Foundation
import Testing

/// The user state survives `kill -9` in the middle of a save: the state opens afterwards and
/// holds every save made before, and not the one in flight.
@Suite(.serialized) struct StateKillSmokeTests {
    /// Runs `fuwu` with arguments against a state folder and returns status, stdout and stderr.
    private func fuwu(_ arguments: [String], state: String) throws -> (Int32, String, String) {
        let folder = FileManager.default.temporaryDirectory.path
        let out = "\(folder)/fuwu-state-kill-\(UUID().uuidString).out"
        let err = "\(folder)/fuwu-state-kill-\(UUID().uuidString).err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let status = try TmuxSession.spawnAndWait([try FuwuProgram.binary()] + arguments, outputPath: out, errorPath: err,
                                                  environment: ["FUWU_STATE_DIR": state, "FUWU_CACHE_DIR": SmokeTests.cacheDirectory,
                                                                "LANG": "C.UTF-8"])
        return (status, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Polls (no fixed sleep) until a file exists.
    private func waitForFile(_ path: String) throws {
        let deadline = Date().addingTimeInterval(TmuxSession.deadlineSeconds)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: path) { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw SmokeFailure(description: "\(path) never appeared: the save did not reach the test pause")
    }

    @Test func sigkillDuringASaveKeepsEveryEarlierSaveAndTheStateOpens() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-state-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let pause = "\(state)/pause"
        let environment = ["FUWU_CACHE_DIR": SmokeTests.cacheDirectory, "LANG": "C.UTF-8", "FUWU_STATE_DIR": state,
                           "FUWU_STATE_TEST_PAUSE": pause]
        let session = try TmuxSession(command: try FuwuProgram.shellLine(arguments: [], environment: environment))
        try session.waitFor("1/9")

        // Two favourites from the points of 病有良医 › 居民健康档案.
        try session.send("j", "j", "j", "Enter", "Enter")
        try session.waitFor("福田区样例社康中心001")
        try session.send("*")
        try session.waitFor("已收藏：福田区样例社康中心001")
        try session.send("j", "*")
        try session.waitFor("已收藏：福田区样例社康中心003")
        // A saved place from the nearby screen.
        try session.send("w")
        try session.waitFor("我在哪里")
        try session.type("市民中心")
        try session.send("Enter")
        try session.waitFor("个在范围内")
        try session.send("s")
        try session.waitFor("保存为：")
        try session.type("家")
        try session.send("Enter")
        try session.waitFor("已保存“家”")

        // The next save waits inside its transaction on the FIFO; kill the browser there.
        guard mkfifo(pause, 0o600) == 0 else { throw SmokeFailure(description: "mkfifo \(pause) failed: \(errno)") }
        try session.send("s")
        try session.waitFor("保存为：")
        try session.type("公司")
        try session.send("Enter")
        try waitForFile(pause + ".waiting")
        let browsers = FuwuProgram.children(of: try session.panePID())
        try #require(browsers.count == 1)
        #expect(kill(browsers[0], SIGKILL) == 0)
        try session.waitFor("EXIT=137")
        try FileManager.default.removeItem(atPath: pause)

        let places = try fuwu(["places", "list", "--format", "csv", "--lang", "en"], state: state)
        #expect(places.0 == 0)
        #expect(places.2 == "", "the state opens without a damage warning")
        #expect(places.1.split(separator: "\n").map { String($0.prefix(2)) } == ["na", "家,"])
        let favourites = try fuwu(["favourites", "--format", "csv", "--lang", "en"], state: state)
        #expect(favourites.0 == 0)
        #expect(favourites.2 == "")
        #expect(favourites.1.contains("福田区样例社康中心003\n"))
        #expect(favourites.1.contains("福田区样例社康中心001\n"))
        #expect(favourites.1.split(separator: "\n").count == 3)
    }
}
