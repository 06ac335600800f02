import Foundation

/// Runs the built `fuwu` binary with a private cache folder and captures what it prints.
struct FuwuProcess {
    struct Result: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let validFixture = packageRoot.appendingPathComponent("Tests/CatalogueTests/Fixtures/valid")

    /// The `fuwu` executable beside the test bundle (SwiftPM builds it because this target depends on it).
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("fuwu")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/fuwu")
    }()

    let cache: URL
    /// The binary to run: the built one, or a copy elsewhere.
    let program: URL

    init(executable: URL = FuwuProcess.executable, cache: URL? = nil) {
        self.cache = cache ?? FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-cli-cache-\(UUID().uuidString)")
        program = executable
    }

    /// Runs fuwu with `arguments`; `environment` adds to a minimal environment.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
             timeoutSeconds: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ["FUWU_CACHE_DIR": cache.path, "FUWU_STATE_DIR": stateDirectory.path, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A hang is a failure, not a stuck test run: past the limit the child is killed (status 137).
        if let timeoutSeconds {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The private user-state folder (inside the cache folder, so cleaned up with it).
    var stateDirectory: URL { cache.appendingPathComponent("state", isDirectory: true) }

    func cleanUp() { try? FileManager.default.removeItem(at: cache) }

    /// A private copy of the valid fixture catalogue.
    static func fixtureCopy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-cli-fixture-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: validFixture, to: target)
        return target
    }
}
