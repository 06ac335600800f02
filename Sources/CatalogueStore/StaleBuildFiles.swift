import Foundation

/// The temporary files a build writes into, and the ones a killed build leaves behind. A build
/// holds an exclusive `flock` on its temporary file for as long as it runs; a later start removes
/// temporary files and journals older than ten minutes that no running build holds.
enum StaleBuildFiles {
    /// How old a leftover must be before it is removed.
    static let ageLimitSeconds = 600

    /// Creates the (empty) temporary file a build writes into and locks it; the returned
    /// descriptor holds the lock until it is closed.
    static func createLocked(_ path: String) -> Int32? {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// True for names a build leaves: `.NAME.sqlite.PID.RANDOM.tmp`, its `-journal` and its
    /// start-up file `.NAME.sqlite.PID.RANDOM.image.tmp`, a restamped start-up file
    /// `.NAME.image.PID.RANDOM.tmp`, and the journal of a compiled catalogue.
    static func isBuildLeftover(_ name: String) -> Bool {
        name.hasSuffix(".tmp") || name.hasSuffix(".tmp-journal") || name.hasSuffix(".sqlite-journal")
    }

    /// Removes leftovers in `directory` older than the age limit and not locked by a running build.
    static func removeStale(in directory: URL, now: time_t = time(nil)) {
        for name in names(in: directory.path) where isBuildLeftover(name) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  now - info.st_mtim.tv_sec > ageLimitSeconds else { continue }
            let owner = owner(of: path)
            if isHeldByABuild(owner) { continue }
            unlink(path)
        }
    }

    /// The names in a folder (none when it cannot be read), with `readdir` rather than
    /// FileManager, whose code a start would otherwise page in (issue #10).
    static func names(in path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The file whose lock says whether `path` is in use: a temporary database's journal and its
    /// start-up file (`.NAME.sqlite.PID.RANDOM.image.tmp`) belong to the build that holds the
    /// temporary database; any other temporary file is locked itself.
    static func owner(of path: String) -> String {
        if path.hasSuffix(".tmp-journal") { return String(path.dropLast("-journal".count)) }
        if path.hasSuffix(".image.tmp") { return String(path.dropLast(".image.tmp".count)) + ".tmp" }
        return path
    }

    /// True when a running build holds the lock on `path`.
    static func isHeldByABuild(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }
}
