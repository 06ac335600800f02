import Foundation

/// Reads one worksheet part into rows: places each cell by its reference, turns values into the
/// text Excel shows, and repeats merged cells' values across their ranges.
struct WorksheetReader {
    /// A merged range, from its top-left to its bottom-right cell.
    struct MergedRange {
        var first: CellReference
        var last: CellReference
    }

    let source: WorkbookSource
    let sheet: WorkbookSource.Sheet
    let data: Data
    /// The file `data` maps, when the part was unpacked into one (checked for UTF-8 already):
    /// the parser then reads the file rather than the mapping.
    let file: URL?

    init(source: WorkbookSource, sheet: WorkbookSource.Sheet, data: Data, file: URL? = nil) {
        self.source = source
        self.sheet = sheet
        self.data = data
        self.file = file
    }

    /// The merged ranges, read from the `mergeCells` list that follows the cells in the part.
    func mergedRanges() -> [MergedRange] {
        guard let end = data.range(of: Data("sheetData>".utf8), options: .backwards) else { return [] }
        var ranges: [MergedRange] = []
        var searchStart = end.upperBound
        let marker = Data("mergeCell ".utf8), refOpening = Data("ref=\"".utf8), quote = Data("\"".utf8)
        while let found = data.range(of: marker, in: searchStart..<data.endIndex),
              let ref = data.range(of: refOpening, in: found.upperBound..<data.endIndex),
              let close = data.range(of: quote, in: ref.upperBound..<data.endIndex) {
            searchStart = close.upperBound
            let text = String(decoding: data[ref.upperBound..<close.lowerBound], as: UTF8.self)
            let corners = text.split(separator: ":").map { CellReference(String($0)) }
            guard corners.count == 2 || corners.count == 1, let first = corners.first ?? nil, let last = corners.last ?? nil,
                  first.row <= last.row, first.column <= last.column else { continue }
            ranges.append(MergedRange(first: first, last: last))
        }
        return ranges.sorted { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }
    }

    /// Reads the sheet, calling `body` with each row that has a value.
    func read(_ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        let merges = mergedRanges()
        var mergeValues = [String](repeating: "", count: merges.count)
        var nextMerge = 0
        var activeMerges: [Int] = []
        let path = source.path, sheetName = sheet.name
        var rowNumber = 0
        var lastRowNumber = 0
        var cells: [Int: String] = [:]
        var column = 0
        var cellType = "n", cellStyle = 0
        var value = "", inlineText = ""
        var inValue = false, inInline = false, inText = false, inPhonetic = false

        func problem(_ reason: String) -> ImportProblem {
            ImportProblem(file: path, sheet: sheetName, row: rowNumber > 0 ? rowNumber : nil, reason: reason)
        }

        /// Emits a row after filling in the merged ranges that cover it.
        func emit(_ number: Int, _ rowCells: [Int: String], _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
            var rowCells = rowCells
            while nextMerge < merges.count, merges[nextMerge].first.row <= number {
                activeMerges.append(nextMerge)
                nextMerge += 1
            }
            activeMerges.removeAll { merges[$0].last.row < number }
            for index in activeMerges {
                let range = merges[index]
                if range.first.row == number { mergeValues[index] = rowCells[range.first.column] ?? "" }
                let mergedValue = mergeValues[index]
                guard !mergedValue.isEmpty else { continue }
                for mergedColumn in range.first.column...range.last.column where (rowCells[mergedColumn] ?? "").isEmpty {
                    rowCells[mergedColumn] = mergedValue
                }
            }
            guard let width = rowCells.filter({ !$0.value.isEmpty }).keys.max() else { return }
            try body(SourceRow(sheet: sheetName, row: number, cells: (1...width).map { rowCells[$0] ?? "" }))
        }

        /// Emits rows missing from the part between the last row and `number` that merged ranges cover.
        func emitMergedGap(before number: Int, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
            guard number > lastRowNumber + 1 else { return }
            var covered = Set<Int>()
            for range in merges where range.last.row > lastRowNumber && range.first.row < number {
                for row in max(range.first.row, lastRowNumber + 1)...min(range.last.row, number - 1) { covered.insert(row) }
            }
            for row in covered.sorted() { try emit(row, [:], body) }
        }

        func cellText() throws(ImportProblem) -> String {
            let reference = CellReference(column: column, row: max(rowNumber, 1)).name
            switch cellType {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), source.sharedStrings.indices.contains(index) else {
                    throw problem("cell \(reference) refers to shared string \(value), but the workbook has \(source.sharedStrings.count); the file is damaged")
                }
                return source.sharedStrings[index]
            case "inlineStr":
                return WorkbookSource.unescapeOfficeText(inlineText)
            case "str", "e":
                return WorkbookSource.unescapeOfficeText(value)
            case "b":
                return value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
            case "d":
                return value.hasSuffix("T00:00:00") || value.hasSuffix("T00:00:00Z") ? String(value.prefix(10)) : value.replacingOccurrences(of: "T", with: " ")
            default:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return WorkbookSource.unescapeOfficeText(inlineText) }
                guard let number = Double(trimmed) else {
                    throw problem("cell \(reference) should hold a number but holds \(trimmed); the file is damaged")
                }
                let kind = source.styleKinds.indices.contains(cellStyle) ? source.styleKinds[cellStyle] : .number
                return kind.text(of: number, date1904: source.date1904) ?? NumberFormatKind.general(number)
            }
        }

        try withoutActuallyEscaping(body) { (body) throws(ImportProblem) in
            try XMLEventReader.read(data, file: file, malformed: { message, line in
                ImportProblem(file: path, sheet: sheetName, row: rowNumber > 0 ? rowNumber : nil,
                              reason: "\(sheet.partPath) is not well-formed XML (\(message) at line \(line) of that part); the file is damaged")
            }, onStart: { element, attributes throws(ImportProblem) in
                switch element {
                case "row":
                    if let text = attributes["r"] {
                        guard let number = Int(text), number > 0, number <= CellReference.maximumRow else {
                            throw problem("a row is numbered \(text), which is not a row number; the file is damaged")
                        }
                        rowNumber = number
                    } else {
                        rowNumber = lastRowNumber + 1
                    }
                    try emitMergedGap(before: rowNumber, body)
                    cells = [:]
                    column = 0
                case "c":
                    if let reference = attributes["r"] {
                        guard let parsed = CellReference(reference) ?? CellReference.column(of: reference).map({ CellReference(column: $0, row: rowNumber) }) else {
                            throw problem("a cell has the reference \(reference), which is not a cell; the file is damaged")
                        }
                        column = parsed.column
                    } else {
                        column += 1
                    }
                    cellType = attributes["t"] ?? "n"
                    cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                    value = ""
                    inlineText = ""
                case "v": inValue = true
                case "is": inInline = true
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            }, onEnd: { element throws(ImportProblem) in
                switch element {
                case "c":
                    let text = try cellText()
                    if !text.isEmpty { cells[column] = text }
                case "row":
                    try emit(rowNumber, cells, body)
                    lastRowNumber = max(lastRowNumber, rowNumber)
                case "sheetData":
                    if let lastMergedRow = merges.map(\.last.row).max(), lastMergedRow > lastRowNumber {
                        try emitMergedGap(before: lastMergedRow + 1, body)
                    }
                case "v": inValue = false
                case "is": inInline = false
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }, onText: { text in
                if inValue { value += text } else if inInline && inText && !inPhonetic { inlineText += text }
            })
        }
    }
}
