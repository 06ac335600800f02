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

    /// True for names a build leaves: `.NAME.sqlite.PID.RANDOM.tmp`, its `-journal`, and the
    /// journal of a compiled catalogue.
    static func isBuildLeftover(_ name: String) -> Bool {
        name.hasSuffix(".tmp") || name.hasSuffix(".tmp-journal") || name.hasSuffix(".sqlite-journal")
    }

    /// Removes leftovers in `directory` older than the age limit and not locked by a running build.
    static func removeStale(in directory: URL, now: time_t = time(nil)) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where isBuildLeftover(name) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  now - info.st_mtim.tv_sec > ageLimitSeconds else { continue }
            // A temporary file's journal belongs to the build that holds the temporary file.
            let owner = name.hasSuffix(".tmp-journal") ? String(path.dropLast("-journal".count)) : path
            if isHeldByABuild(owner) { continue }
            unlink(path)
        }
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
