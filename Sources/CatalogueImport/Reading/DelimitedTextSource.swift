/// A CSV (or tab- or semicolon-separated) file: its encoding and delimiter are detected when it is
/// opened, and its records are read in chunks, so that a million-row file is never held whole.
public struct DelimitedTextSource: TableSource {
    /// The path as the user gave it.
    public let path: String
    /// The detected character encoding.
    let encoding: TextEncoding
    /// How many bytes of byte-order mark precede the text.
    let byteOrderMarkLength: Int
    /// The detected delimiter byte: comma, tab, semicolon or vertical bar.
    let delimiter: UInt8
    /// Bytes of the file read by `forEachRow` so far (a megabyte at a time).
    public let position: ReadPosition? = ReadPosition()

    /// The delimiters tried, in order of preference when they score alike.
    static let candidateDelimiters: [UInt8] = [",", "\t", ";", "|"].map { UInt8(ascii: $0) }
    /// How much of the file's start is used to detect its encoding and delimiter, in bytes.
    static let sampleByteCount = 1 << 20

    /// Opens `path` and detects its encoding (UTF-8 with or without BOM, UTF-16 with BOM or by its
    /// zero bytes, else GB18030/GBK) and its delimiter.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        let prefix: [UInt8]
        do {
            prefix = try DecodedTextStream.prefix(of: path, maximum: Self.sampleByteCount)
        } catch {
            throw Self.problem(error, path: path, line: nil)
        }
        if let mark = TextEncoding.byteOrderMark(in: prefix) {
            encoding = mark.encoding
            byteOrderMarkLength = mark.length
        } else {
            byteOrderMarkLength = 0
            encoding = try Self.guessEncoding(path: path, prefix: prefix)
        }
        if prefix.count <= byteOrderMarkLength {
            throw ImportProblem(file: path, reason: "the file is empty; export the table again")
        }
        delimiter = try Self.detectDelimiter(path: path, encoding: encoding, byteOrderMarkLength: byteOrderMarkLength)
    }

    /// The delimiter as text, for messages and `--guess`.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "|"): "vertical bar"
        default: "comma"
        }
    }

    /// The detected encoding's name, such as `UTF-8` or `GB18030/GBK`.
    public var encodingName: String { encoding.displayName }

    /// One unnamed table.
    public func sheetNames() throws(ImportProblem) -> [String?] { [nil] }

    /// Calls `body` with every record in file order; `sheets` is ignored, as the file has one table.
    /// Blank lines are skipped; every other record is passed on with as many cells as it has.
    public func forEachRow(sheets: [String]?, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        let stream: DecodedTextStream
        do {
            stream = try DecodedTextStream(path: path, encoding: encoding, skippedByteCount: byteOrderMarkLength)
        } catch {
            throw Self.problem(error, path: path, line: nil)
        }
        var parser = DelimitedRecordParser(path: path, delimiter: delimiter)
        while true {
            let chunk: [UInt8]?
            do {
                chunk = try stream.next()
            } catch {
                throw Self.problem(error, path: path, line: parser.line, encoding: encoding)
            }
            guard let chunk else { break }
            position?.bytes = Int64(stream.bytesRead)
            try parser.feed(chunk, emit: body)
        }
        try parser.finish(emit: body)
    }

    /// Tells UTF-16 and UTF-8 from GB18030 by the first part of the file that is not ASCII.
    static func guessEncoding(path: String, prefix: [UInt8]) throws(ImportProblem) -> TextEncoding {
        if prefix.contains(where: { $0 >= 0x80 }) || prefix.contains(0) || prefix.count < sampleByteCount {
            return TextEncoding.guess(from: prefix, complete: prefix.count < sampleByteCount)
        }
        // The first megabyte is plain ASCII: look on for the first chunk that is not.
        do {
            let stream = try DecodedTextStream(path: path, encoding: .utf8, skippedByteCount: 0)
            while let chunk = try stream.next() {
                if chunk.contains(where: { $0 >= 0x80 }) { return TextEncoding.guess(from: chunk, complete: false) }
            }
        } catch {
            throw problem(error, path: path, line: nil)
        }
        return .utf8
    }

    /// Picks the delimiter that splits the first records into the same number of cells most often,
    /// and into more cells when two do so equally often.
    static func detectDelimiter(path: String, encoding: TextEncoding, byteOrderMarkLength: Int) throws(ImportProblem) -> UInt8 {
        let sample: [UInt8]
        do {
            let stream = try DecodedTextStream(path: path, encoding: encoding, skippedByteCount: byteOrderMarkLength)
            sample = try stream.next() ?? []
        } catch {
            throw problem(error, path: path, line: 1, encoding: encoding)
        }
        // The score: how many records share the commonest cell count, then that count.
        var best: (delimiter: UInt8, score: (records: Int, cells: Int)) = (UInt8(ascii: ","), (0, 0))
        for candidate in candidateDelimiters {
            var parser = DelimitedRecordParser(path: path, delimiter: candidate)
            var counts: [Int: Int] = [:]
            var records = 0
            do {
                try parser.feed(sample) { row throws(ImportProblem) in
                    records += 1
                    if records <= 100, row.cells.count > 1 { counts[row.cells.count, default: 0] += 1 }
                }
            } catch {
                // A sample cut inside a quoted cell or a bad character: score what was read.
            }
            let score = counts.map { (records: $0.value, cells: $0.key) }.max { ($0.records, $0.cells) < ($1.records, $1.cells) } ?? (0, 0)
            if (score.records, score.cells) > (best.score.records, best.score.cells) { best = (candidate, score) }
        }
        return best.delimiter
    }

    /// An ImportProblem for a stream failure, naming the line it happened on.
    static func problem(_ failure: DecodedTextStream.Failure, path: String, line: Int?,
                        encoding: TextEncoding? = nil) -> ImportProblem {
        switch failure {
        case .unreadable(let reason):
            return ImportProblem(file: path, reason: "cannot read the file: \(reason)")
        case .undecodable:
            let name = encoding?.displayName ?? "text"
            return ImportProblem(file: path, row: line,
                                 reason: "line \(line ?? 1) has bytes that are not \(name) text; save the file as UTF-8 or GB18030 (GBK)")
        case .cutOffCharacter:
            return ImportProblem(file: path, row: line,
                                 reason: "the file ends in the middle of a character on line \(line ?? 1); it may be cut off")
        }
    }
}
