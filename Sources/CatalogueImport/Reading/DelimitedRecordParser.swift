/// Splits UTF-8 text into delimited records, fed a chunk at a time: quoted fields may hold
/// delimiters, line breaks and doubled quotes; each record is numbered by the line it starts on.
struct DelimitedRecordParser {
    /// The longest cell accepted, in bytes: a longer one is almost always a quote left open.
    static let maximumCellByteCount = 1 << 20
    /// The most cells a record may have (Excel's column limit).
    static let maximumCellCount = 16_384

    let path: String
    let delimiter: UInt8
    /// The physical line being read, 1-based.
    private(set) var line = 1
    private var recordStartLine = 1
    private var quotedFieldStartLine = 1
    private var field: [UInt8] = []
    private var cells: [String] = []
    private var inQuotes = false
    private var fieldWasQuoted = false
    private var afterClosingQuote = false
    /// A carriage return was the last byte: a line feed right after it belongs to it.
    private var afterCarriageReturn = false

    init(path: String, delimiter: UInt8) {
        self.path = path
        self.delimiter = delimiter
        field.reserveCapacity(256)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Reads `bytes`, calling `emit` with each record completed in them. Runs of ordinary bytes
    /// are copied at once; only quotes, delimiters and line ends are looked at one by one.
    mutating func feed(_ bytes: [UInt8], emit: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == Self.lineFeed { index += 1; continue }
            }
            if inQuotes {
                switch byte {
                case Self.quote:
                    inQuotes = false
                    afterClosingQuote = true
                    index += 1
                case Self.lineFeed, Self.carriageReturn:
                    line += 1
                    afterCarriageReturn = byte == Self.carriageReturn
                    try append(Self.lineFeed)
                    index += 1
                default:
                    var end = index + 1
                    while end < count, bytes[end] != Self.quote, bytes[end] != Self.lineFeed, bytes[end] != Self.carriageReturn { end += 1 }
                    try append(bytes[index..<end])
                    index = end
                }
                continue
            }
            if afterClosingQuote {
                afterClosingQuote = false
                if byte == Self.quote {
                    // A doubled quote inside a quoted field stands for one quote.
                    inQuotes = true
                    try append(byte)
                    index += 1
                    continue
                }
            }
            switch byte {
            case delimiter:
                try endField()
                index += 1
            case Self.lineFeed, Self.carriageReturn:
                try endRecord(emit)
                line += 1
                recordStartLine = line
                afterCarriageReturn = byte == Self.carriageReturn
                index += 1
            case Self.quote where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quotedFieldStartLine = line
                index += 1
            default:
                // Text after a closing quote, or a quote inside an unquoted field, is kept as
                // it is, as Excel does.
                var end = index + 1
                while end < count, bytes[end] != delimiter, bytes[end] != Self.quote,
                      bytes[end] != Self.lineFeed, bytes[end] != Self.carriageReturn { end += 1 }
                try append(bytes[index..<end])
                index = end
            }
        }
    }

    /// Ends the text: the last record needs no line break, but an open quote is an error.
    mutating func finish(emit: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        if inQuotes {
            throw ImportProblem(file: path, row: quotedFieldStartLine,
                                reason: "the quoted cell that starts on line \(quotedFieldStartLine) is never closed; add the missing \" or remove the stray one")
        }
        try endRecord(emit)
    }

    private mutating func append(_ byte: UInt8) throws(ImportProblem) {
        try append(CollectionOfOne(byte))
    }

    private mutating func append(_ bytes: some Collection<UInt8>) throws(ImportProblem) {
        if field.count + bytes.count > Self.maximumCellByteCount {
            let start = fieldWasQuoted ? quotedFieldStartLine : line
            throw ImportProblem(file: path, row: start,
                                reason: "the cell that starts on line \(start) is longer than 1 MiB; check for a quote left open")
        }
        field.append(contentsOf: bytes)
    }

    private mutating func endField() throws(ImportProblem) {
        guard let text = String(validating: field, as: UTF8.self) else {
            let start = fieldWasQuoted ? quotedFieldStartLine : line
            let offset = Self.firstInvalidUTF8Offset(field) ?? 0
            let badLine = start + field[..<offset].lazy.filter { $0 == Self.lineFeed }.count
            throw ImportProblem(file: path, row: badLine,
                                reason: "line \(badLine) is not valid UTF-8 text; save the file as UTF-8 or GB18030 (GBK)")
        }
        if cells.count >= Self.maximumCellCount {
            throw ImportProblem(file: path, row: recordStartLine,
                                reason: "the record on line \(recordStartLine) has more than \(Self.maximumCellCount) cells")
        }
        cells.append(text)
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    /// Emits the record read so far; a blank line is no record.
    private mutating func endRecord(_ emit: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        if cells.isEmpty && field.isEmpty && !fieldWasQuoted { return }
        try endField()
        let row = SourceRow(sheet: nil, row: recordStartLine, cells: cells)
        cells.removeAll(keepingCapacity: true)
        try emit(row)
    }

    /// Where the first byte that is not part of valid UTF-8 lies.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
