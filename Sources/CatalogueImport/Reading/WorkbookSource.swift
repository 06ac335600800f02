import Foundation

/// An Excel workbook (.xlsx) read without a spreadsheet application: its sheets in workbook
/// order, each row's cells as the text Excel shows, merged cells repeated across their range.
public struct WorkbookSource: TableSource {
    /// One sheet: its name and the archive part holding its cells.
    struct Sheet {
        var name: String
        var partPath: String
    }

    /// The path as the user gave it.
    public let path: String
    let package: OfficePackage
    /// Sheets read so far, counted by their compressed size, for a progress bar.
    public let position: ReadPosition? = ReadPosition()
    let sheets: [Sheet]
    /// The shared string table, indexed by the number in `t="s"` cells.
    let sharedStrings: [String]
    /// Each cell style's number-format kind, indexed by the `s` attribute of a cell.
    let styleKinds: [NumberFormatKind]
    /// Whether date serials count from 1904-01-01 (old Mac workbooks) rather than 1900.
    let date1904: Bool

    /// Opens the workbook and reads its sheet list, shared strings and styles.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        let package = try OfficePackage(path: path, kind: "an .xlsx workbook")
        self.package = package
        let workbookPath = try package.target(of: "", typeSuffix: "officeDocument") ?? "xl/workbook.xml"
        guard package.contains(workbookPath) else {
            throw ImportProblem(file: path, reason: "the archive has no \(workbookPath); it is not an Excel workbook (a .docx or .pptx?)")
        }
        let relationships = try package.relationships(of: workbookPath)
        var sheets: [Sheet] = []
        var date1904 = false
        var sawRoot = false
        try XMLEventReader.read(try package.part(workbookPath), malformed: package.malformed(workbookPath)) { element, attributes throws(ImportProblem) in
            if !sawRoot {
                sawRoot = true
                guard element == "workbook" else {
                    throw ImportProblem(file: path, reason: "the archive's main part \(workbookPath) is not an Excel workbook (a .docx or .pptx?)")
                }
            }
            switch element {
            case "workbookPr":
                date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
            case "sheet":
                guard let name = attributes["name"], let id = attributes["id"], let target = relationships[id],
                      target.type.hasSuffix("/worksheet") else { return }
                sheets.append(Sheet(name: name, partPath: target.target))
            default:
                break
            }
        }
        if sheets.isEmpty { throw ImportProblem(file: path, reason: "the workbook has no worksheets") }
        self.sheets = sheets
        self.date1904 = date1904
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let stringsPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? OfficePackage.resolve("sharedStrings.xml", from: folder)
        sharedStrings = package.contains(stringsPath) ? try Self.readSharedStrings(package, stringsPath) : []
        let stylesPath = relationships.values.first { $0.type.hasSuffix("/styles") }?.target
            ?? OfficePackage.resolve("styles.xml", from: folder)
        styleKinds = package.contains(stylesPath) ? try Self.readStyleKinds(package, stylesPath) : []
    }

    /// The sheets' names in workbook order.
    public func sheetNames() throws(ImportProblem) -> [String?] { sheets.map(\.name) }

    /// Calls `body` with every non-empty row of the named sheets (all when nil), in workbook
    /// order; cells are placed by their references, so empty cells stay "" in their columns.
    public func forEachRow(sheets names: [String]?, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        var chosen = sheets
        if let names {
            for name in names where !sheets.contains(where: { $0.name == name }) {
                throw ImportProblem(file: path, reason: "the workbook has no sheet named \(name); its sheets are \(sheets.map(\.name).joined(separator: ", "))")
            }
            chosen = sheets.filter { names.contains($0.name) }
        }
        position?.bytes = 0
        for sheet in chosen {
            if package.unpackedByteCount(of: sheet.partPath) > OfficePackage.inMemoryPartByteCount {
                // A large sheet is unpacked into a temporary file and parsed from there, so that
                // it is never held in memory whole (the merged ranges at its end are found in a
                // mapping of the file).
                let spooled = try package.spool(sheet.partPath, sheet: sheet.name)
                defer { spooled.remove() }
                if let line = spooled.invalidUTF8Line {
                    throw package.malformed(sheet.partPath, sheet: sheet.name)("bytes that are not UTF-8", line)
                }
                guard let mapped = try? Data(contentsOf: spooled.url, options: .alwaysMapped) else {
                    throw ImportProblem(file: path, sheet: sheet.name, reason: "cannot read back the temporary file \(spooled.url.path) that \(sheet.partPath) was unpacked into")
                }
                try WorksheetReader(source: self, sheet: sheet, data: mapped, file: spooled.url).read(body)
            } else {
                let data = try package.part(sheet.partPath, sheet: sheet.name)
                try WorksheetReader(source: self, sheet: sheet, data: data).read(body)
            }
            position?.bytes += package.storedByteCount(of: sheet.partPath)
        }
    }

    /// The shared string table: each `si`'s text runs joined, phonetic runs left out.
    static func readSharedStrings(_ package: OfficePackage, _ partPath: String) throws(ImportProblem) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        try XMLEventReader.read(try package.part(partPath), malformed: package.malformed(partPath),
            onStart: { element, _ throws(ImportProblem) in
                switch element {
                case "si": current = ""
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            },
            onEnd: { element throws(ImportProblem) in
                switch element {
                case "si": strings.append(unescapeOfficeText(current))
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            },
            onText: { text in if inText && !inPhonetic { current += text } })
        return strings
    }

    /// Each cell style's number-format kind, from `cellXfs` and the custom `numFmts`.
    static func readStyleKinds(_ package: OfficePackage, _ partPath: String) throws(ImportProblem) -> [NumberFormatKind] {
        var customCodes: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        try XMLEventReader.read(try package.part(partPath), malformed: package.malformed(partPath),
            onStart: { element, attributes throws(ImportProblem) in
                switch element {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customCodes[id] = code }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            },
            onEnd: { element throws(ImportProblem) in if element == "cellXfs" { inCellFormats = false } })
        return formatIDs.map { id in customCodes[id].map(NumberFormatKind.custom) ?? NumberFormatKind.builtIn(id) }
    }

    /// Office's escapes for characters XML cannot hold: `_x000D_` is a carriage return, and
    /// `_x005F_` escapes an underscore.
    static func unescapeOfficeText(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}
