#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file read in chunks of bytes and handed on as UTF-8, transcoded on the way by iconv
/// when the file is UTF-16 or GB18030, so that a file of any size is never held whole.
final class DecodedTextStream {
    /// Why the stream stopped early.
    enum Failure: Error {
        /// The file could not be opened or read; the reason is a sentence.
        case unreadable(String)
        /// Bytes that are not text in the stream's encoding.
        case undecodable
        /// The file ends inside a multi-byte character.
        case cutOffCharacter
    }

    /// The size of each read, in bytes.
    static let chunkByteCount = 1 << 20

    let encoding: TextEncoding
    private let descriptor: Int32
    private var converter: iconv_t?
    /// Bytes read but not yet transcoded: a character cut by the chunk boundary.
    private var carried: [UInt8] = []
    private var finished = false
    /// A failure held back behind the good bytes before it.
    private var pendingFailure: Failure?
    /// Bytes of the file read so far, byte-order mark included.
    private(set) var bytesRead = 0

    /// Opens `path`, skipping `skippedByteCount` bytes (a byte-order mark).
    init(path: String, encoding: TextEncoding, skippedByteCount: Int) throws(Failure) {
        self.encoding = encoding
        descriptor = try Self.openRegularFile(path)
        if let name = encoding.iconvName {
            let handle = iconv_open("UTF-8", name)
            if Int(bitPattern: handle) == -1 {
                close(descriptor)
                throw .unreadable("this system cannot convert \(encoding.displayName) text (iconv has no \(name))")
            }
            converter = handle
        }
        if skippedByteCount > 0 { _ = try readBytes(maximum: skippedByteCount) }
    }

    deinit {
        if let converter { iconv_close(converter) }
        close(descriptor)
    }

    /// Opens a regular file for reading; folders, FIFOs and devices are refused so that a read
    /// never blocks.
    static func openRegularFile(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        if descriptor < 0 { throw .unreadable(describe(errno: errno)) }
        var status = stat()
        if fstat(descriptor, &status) != 0 || (status.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw .unreadable("it is not a regular file")
        }
        return descriptor
    }

    /// A sentence for an errno value from opening or reading a file.
    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder, not a file"
        default: String(cString: strerror(code))
        }
    }

    /// The first `maximum` bytes of the file as they are, without transcoding.
    static func prefix(of path: String, maximum: Int) throws(Failure) -> [UInt8] {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: min(maximum, chunkByteCount))
        while result.count < maximum {
            let wanted = min(buffer.count, maximum - result.count)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 { throw .unreadable(describe(errno: errno)) }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    private func readBytes(maximum: Int) throws(Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, maximum) }
        if count < 0 { throw .unreadable(Self.describe(errno: errno)) }
        buffer.removeLast(maximum - count)
        bytesRead += count
        return buffer
    }

    /// The next chunk of UTF-8 bytes, or nil at the end of the file. A failure is thrown only
    /// after every byte before it has been handed on.
    func next() throws(Failure) -> [UInt8]? {
        if let failure = pendingFailure {
            pendingFailure = nil
            throw failure
        }
        while !finished {
            let bytes = try readBytes(maximum: Self.chunkByteCount)
            if bytes.isEmpty {
                finished = true
                if !carried.isEmpty { throw .cutOffCharacter }
                return nil
            }
            guard let converter else { return bytes }
            carried.append(contentsOf: bytes)
            let output = try transcode(converter)
            if !output.isEmpty { return output }
        }
        return nil
    }

    /// Transcodes as much of `carried` as forms whole characters, keeping the rest.
    private func transcode(_ converter: iconv_t) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: carried.count * 2 + 64)
        var inputLeft = carried.count
        var outputLeft = output.count
        var failure: Failure?
        carried.withUnsafeMutableBytes { input in
            output.withUnsafeMutableBytes { out in
                var inputPointer = input.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputPointer = out.baseAddress?.assumingMemoryBound(to: CChar.self)
                if iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft) == -1 {
                    switch errno {
                    case EINVAL: break // a character cut by the chunk's end: carried to the next read
                    case EILSEQ: failure = .undecodable
                    default: failure = .unreadable(Self.describe(errno: errno))
                    }
                }
            }
        }
        output.removeLast(outputLeft)
        carried.removeFirst(carried.count - inputLeft)
        if let failure {
            if output.isEmpty { throw failure }
            // Hand on the good part first; the failure comes back on the next call.
            pendingFailure = failure
            finished = true
        }
        return output
    }

}
