/// The character encodings a district CSV comes in, told apart by byte-order mark and content.
enum TextEncoding: Equatable, Sendable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// GB18030, the superset of GBK and GB2312 that Chinese Excel writes as "CSV".
    case gb18030

    /// The iconv name, or nil for UTF-8, which is read as it is.
    var iconvName: String? {
        switch self {
        case .utf8: nil
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }

    /// How the encoding is named to a person.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 LE"
        case .utf16BigEndian: "UTF-16 BE"
        case .gb18030: "GB18030/GBK"
        }
    }

    /// The encoding a file's first bytes declare by byte-order mark, with the mark's length.
    static func byteOrderMark(in prefix: some Collection<UInt8>) -> (encoding: TextEncoding, length: Int)? {
        let bytes = Array(prefix.prefix(3))
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Guesses the encoding of bytes without a byte-order mark: UTF-16 when zero bytes fall
    /// (almost) only at odd or only at even places, UTF-8 when the bytes are valid UTF-8, else GB18030.
    /// `complete` says the sample is the whole file, so a cut-off sequence at its end is an error.
    static func guess(from sample: [UInt8], complete: Bool) -> TextEncoding {
        let pairs = sample.count / 2
        if pairs >= 2 {
            var evenZeros = 0, oddZeros = 0
            for index in 0..<pairs {
                if sample[2 * index] == 0 { evenZeros += 1 }
                if sample[2 * index + 1] == 0 { oddZeros += 1 }
            }
            // UTF-8 and GB18030 text has no zero bytes; UTF-16 has one in every ASCII character,
            // always on the same side of the pair.
            if oddZeros >= 2, evenZeros * 20 < oddZeros { return .utf16LittleEndian }
            if evenZeros >= 2, oddZeros * 20 < evenZeros { return .utf16BigEndian }
        }
        return validUTF8Prefix(sample, complete: complete) ? .utf8 : .gb18030
    }

    /// Whether `bytes` is valid UTF-8, allowing a sequence cut off at the end unless `complete`.
    static func validUTF8Prefix(_ bytes: [UInt8], complete: Bool) -> Bool {
        var end = bytes.count
        if !complete {
            // Step back over a possibly cut-off last sequence (at most 3 bytes).
            var back = 0
            while back < 3, end - back - 1 >= 0, bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
            if end - back - 1 >= 0, bytes[end - back - 1] >= 0xC0 { end = end - back - 1 }
        }
        return bytes[0..<end].withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }
}
