import Foundation

/// Reads catalogue source files safely: only regular files are opened (a FIFO, a device or a
/// folder in a file's place is refused instead of blocking or misreading), and a file that
/// exists but cannot be read is told apart from a missing one.
public enum SourceFile {
    /// Why a source file could not be read.
    public enum Failure: Error, Equatable, Sendable {
        case missing
        case notRegular(kind: String)
        case unreadable(reason: String)

        /// The problem in words, for diagnostics: "the file is missing", "… is a folder, not a file".
        public var message: String {
            switch self {
            case .missing: return "the file is missing"
            case .notRegular(let kind): return "this is \(kind), not a regular file; replace it with the file itself"
            case .unreadable(let reason): return "the file cannot be read (\(reason)); check its permissions"
            }
        }
    }

    /// The kind of a file, in words.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// The bytes of the regular file at `path` (symbolic links are followed).
    public static func read(_ path: String) -> Result<Data, Failure> {
        // O_NONBLOCK: opening a FIFO with no writer must not block; regular files ignore it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
            return .failure(.unreadable(reason: String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind: kindName(info.st_mode))) }
        var data = Data(capacity: Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            data.append(buffer, count: n)
        }
        return .success(data)
    }

    /// True when `path` names a regular file (following links); false for anything else or nothing.
    public static func isRegular(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
