import Catalogue
import Foundation
import GRDB

/// Finds and opens the user state for a run of fuwu: never fails. A damaged file is moved aside
/// and a fresh one started; a folder that cannot be written leaves the state in memory. Either
/// way the warnings say what happened and what to do.
public struct UserStateOpening: Sendable {
    /// The state, on disk or (when that failed) in memory.
    public let store: any UserStateStore
    /// Bilingual warnings for stderr or the status line; empty when all went well.
    public let warnings: [UserStateError]
    /// Where the state file is (or would have been).
    public let path: String

    /// `FUWU_STATE_DIR`, else `$XDG_STATE_HOME/fuwu`, else `~/.local/state/fuwu`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["FUWU_STATE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("fuwu", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state/fuwu", isDirectory: true)
    }

    /// Opens the state in `directory` (default: `defaultDirectory`).
    public static func open(directory: URL? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> UserStateOpening {
        let folder = directory ?? defaultDirectory(environment: environment)
        let path = folder.appendingPathComponent(UserStateDatabase.fileName).path
        let testPause = environment[UserStateDatabase.testPauseVariable].flatMap { $0.isEmpty ? nil : $0 }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return inMemory(path: path, reason: UserStateError(
                english: "cannot create the state folder \(folder.path) (\(error.localizedDescription))",
                chinese: "无法创建状态目录 \(folder.path)（\(error.localizedDescription)）"))
        }
        do {
            return UserStateOpening(store: try UserStateDatabase(path: path, testPause: testPause), warnings: [], path: path)
        } catch {
            guard isDamage(error) else {
                return inMemory(path: path, reason: UserStateError(english: "cannot open \(path): \(error)",
                                                                  chinese: "无法打开 \(path)：\(error)"))
            }
        }
        // Damaged: keep the old file for inspection and start again.
        let aside = movedAsidePath(path)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
        }
        let moved = UserStateError(
            english: "fuwu: warning: the state file \(path) was damaged; it was moved to \(aside) and a new one started (saved places, favourites, history and reading positions start empty)",
            chinese: "fuwu: 警告: 状态文件 \(path) 已损坏，已移至 \(aside) 并新建（保存的地点、收藏、历史和阅读位置从空开始）")
        do {
            return UserStateOpening(store: try UserStateDatabase(path: path, testPause: testPause), warnings: [moved], path: path)
        } catch {
            return inMemory(path: path, reason: UserStateError(english: "cannot create \(path): \(error)",
                                                              chinese: "无法新建 \(path)：\(error)"), earlier: [moved])
        }
    }

    /// Opens the state for the browser's first frame (`DeferredUserState`): the folder is made
    /// now (an unwritable one warns at once, as `open` does), the favourites of an existing file
    /// are read with the SQLite C API, and the database is opened on the first other read or
    /// save — `state.sqlite` is created on the first save only. A file the quick read cannot
    /// read is opened the full way at once, so its damage is reported on the first frame.
    public static func openDeferred(directory: URL? = nil,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> UserStateOpening {
        let folder = directory ?? defaultDirectory(environment: environment)
        let path = folder.appendingPathComponent(UserStateDatabase.fileName).path
        let later: @Sendable () -> UserStateOpening = { UserStateOpening.open(directory: folder, environment: environment) }
        guard access(path, F_OK) == 0 else {
            do {
                // A folder already there is left as it is (as `createDirectory` would leave it),
                // without paging in FileManager's code for the first frame (issue #10).
                var info = stat()
                if !(stat(folder.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                            attributes: [.posixPermissions: 0o700])
                }
            } catch {
                return UserStateOpening.open(directory: folder, environment: environment)
            }
            return UserStateOpening(store: DeferredUserState(fileExisted: false, favourites: [], open: later),
                                    warnings: [], path: path)
        }
        guard let favourites = UserStateQuickRead.favourites(path: path) else {
            return UserStateOpening.open(directory: folder, environment: environment)
        }
        return UserStateOpening(store: DeferredUserState(fileExisted: true, favourites: favourites, open: later),
                                warnings: [], path: path)
    }

    private static func inMemory(path: String, reason: UserStateError, earlier: [UserStateError] = []) -> UserStateOpening {
        let warning = UserStateError(
            english: "fuwu: warning: \(reason.english); nothing will be remembered this run (set FUWU_STATE_DIR to a writable folder)",
            chinese: "fuwu: 警告: \(reason.chinese)；本次运行不会保存任何内容（可将 FUWU_STATE_DIR 设为可写目录）")
        return UserStateOpening(store: InMemoryUserState(), warnings: earlier + [warning], path: path)
    }

    /// Errors that mean the file is not a usable database (rather than, say, a locked one).
    static func isDamage(_ error: Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT: return true
        default: return error.message?.contains("no such table") == true || error.message?.contains("malformed") == true
        }
    }

    /// `state.damaged-20261201T101500.sqlite` beside the state file, numbered when taken.
    static func movedAsidePath(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        var time = time_t(Date().timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let stamp = String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                           parts.tm_hour, parts.tm_min, parts.tm_sec)
        var candidate = "\(folder)/state.damaged-\(stamp).sqlite"
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(folder)/state.damaged-\(stamp)-\(n).sqlite"
            n += 1
        }
        return candidate
    }
}
