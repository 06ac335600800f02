// stdio's streams are C globals; Swift 6 cannot prove them safe, but this process only writes
// them from the main thread.
@preconcurrency import Foundation

/// The process's standard output and error as stdio holds them (Swift's `print` writes through
/// stdio's stdout).
enum StandardStreams {
    /// True when descriptor 1 is open: with it closed, the next opened file would take its number
    /// and receive the output.
    static var outputIsOpen: Bool { fcntl(STDOUT_FILENO, F_GETFD) != -1 }

    /// Flushes stdout; nil when everything printed was written, else why it was not.
    static func flushOutput() -> String? {
        let flushed = fflush(stdout) == 0
        let reason = String(cString: strerror(errno))
        if flushed && ferror(stdout) == 0 { return nil }
        return flushed ? "a write failed" : reason
    }

    /// Writes UTF-8 bytes and a line feed to stdout, through the stream `print` writes to, so
    /// the two keep their order (a failed write shows at `flushOutput`, as a print's does).
    static func writeLine(_ bytes: [UInt8]) {
        var line = bytes
        line.append(0x0A)
        line.withUnsafeBufferPointer { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stdout) }
    }

    /// Writes text to stderr as it is (callers sanitise).
    static func writeError(_ text: String) {
        fputs(text, stderr)
    }
}
