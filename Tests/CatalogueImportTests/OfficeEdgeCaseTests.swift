import Foundation
import Testing
import ZIPFoundation
@testable import CatalogueImport

/// Edge cases of real Office files that openpyxl and python-docx do not write, in small
/// hand-made archives.
@Suite struct OfficeEdgeCaseTests {
    @Test func cellsWithoutReferencesFollowOnAndMergedRowsMissingFromThePartAreFilledIn() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = """
            <sheetData><row r="1"><c t="inlineStr"><is><t>标题</t></is></c></row>\
            <row r="4"><c t="str"><v>a_x000D_b</v><f>A1</f></c><c t="e"><v>#N/A</v></c><c t="d"><v>2024-06-01T00:00:00</v></c><c s="1"><v>0</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A1:B3"/></mergeCells>
            """
        let styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>"
        let path = try OfficeArchive.write(OfficeArchive.workbook(sheet: sheet, date1904: true, styles: styles), name: "edge.xlsx", in: folder)
        #expect(try WorkbookSource(path: path).allRows() == [
            SourceRow(sheet: "表1", row: 1, cells: ["标题", "标题"]),
            SourceRow(sheet: "表1", row: 2, cells: ["标题", "标题"]),
            SourceRow(sheet: "表1", row: 3, cells: ["标题", "标题"]),
            SourceRow(sheet: "表1", row: 4, cells: ["a\rb", "#N/A", "2024-06-01", "1904-01-01"]),
        ])
    }

    @Test func aDamagedSheetNamesItsSheetAndTheRowBeingRead() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try OfficeArchive.write(OfficeArchive.workbook(sheet: "<sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</c></row></sheetData>"), name: "broken.xlsx", in: folder)
        let problem = try #require(throws: ImportProblem.self) { try WorkbookSource(path: broken).allRows() }
        #expect(problem.file == broken && problem.sheet == "表1" && problem.row == 2)
        #expect(problem.reason == "xl/worksheets/sheet1.xml is not well-formed XML (an end tag that does not match its start tag at line 1 of that part); the file is damaged")
        let index = try OfficeArchive.write(OfficeArchive.workbook(sheet: "<sheetData><row r=\"7\"><c r=\"C7\" t=\"s\"><v>3</v></c></row></sheetData>"), name: "index.xlsx", in: folder)
        #expect(throws: ImportProblem(file: index, sheet: "表1", row: 7, reason: "cell C7 refers to shared string 3, but the workbook has 0; the file is damaged")) {
            try WorkbookSource(path: index).allRows()
        }
    }

    /// libxml2 refuses a document pushed to it in one piece once it passes 10 000 000 bytes
    /// ("Huge input lookup", XML error 1): a 300 000-row sheet was refused that way. Parts over
    /// that size, a sheet and its shared strings, are read whole; the sheet, over
    /// `OfficePackage.inMemoryPartByteCount`, from a temporary file, its merged ranges too.
    @Test func partsOverTenMegabytesAreReadWhole() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rowCount = 1_100
        let long = String(repeating: "福田区社区健康服务中心", count: 330)  // 9 900 bytes
        var sheet = "<sheetData>"
        var strings = "<sst \(OfficeArchive.spreadsheetNamespace)>"
        for row in 1...rowCount {
            sheet += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>\(row - 1)</v></c><c r=\"B\(row)\" t=\"inlineStr\"><is><t>\(row)\(long)</t></is></c></row>"
            strings += "<si><t>\(long)\(row)</t></si>"
        }
        sheet += "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B1:C2\"/></mergeCells>"
        strings += "</sst>"
        #expect(sheet.utf8.count > 10_000_000 && strings.utf8.count > 10_000_000)
        let path = try OfficeArchive.write(OfficeArchive.workbook(sheet: sheet) + [("xl/sharedStrings.xml", strings)], name: "large.xlsx", in: folder)
        let rows = try WorkbookSource(path: path).allRows()
        #expect(rows.count == rowCount)
        #expect(rows.last == SourceRow(sheet: "表1", row: rowCount, cells: [long + "\(rowCount)", "\(rowCount)" + long]))
        #expect(rows.dropFirst(2).allSatisfy { $0.cells == [long + "\($0.row)", "\($0.row)" + long] })
        // The merged range, listed after the cells, fills the first two rows.
        #expect(rows.prefix(2).map(\.cells) == [[long + "1", "1" + long, "1" + long], [long + "2", "2" + long, "1" + long]])
    }

    /// A large sheet is unpacked into a temporary file, checked for UTF-8 on the way as a part
    /// in memory is: the line of the first bad byte, also when a character spans two chunks.
    @Test func aSpooledPartIsCheckedForUTF8AndKeepsItsBytes() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = Data(String(repeating: "<t>福田区社区健康服务中心</t>\n", count: 20_000).utf8)
        var bad = good
        bad.insert(contentsOf: [0xE7, 0x0A, 0xFF], at: good.count - 40)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in [("good.xml", good), ("bad.xml", bad)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let url = folder.appendingPathComponent("parts.zip")
        try (archive.data ?? Data()).write(to: url)
        let package = try OfficePackage(path: url.path, kind: "an .xlsx workbook")
        let spooledGood = try package.spool("good.xml")
        defer { spooledGood.remove() }
        #expect(spooledGood.invalidUTF8Line == nil)
        #expect(try Data(contentsOf: spooledGood.url) == good)
        let spooledBad = try package.spool("bad.xml")
        spooledBad.remove()
        #expect(spooledBad.invalidUTF8Line == 20_000)
        #expect(!FileManager.default.fileExists(atPath: spooledBad.url.path))
    }

    @Test func wordNumberingRestartsDeeperLevelsHonoursOverridesAndCountsInChinese() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func paragraph(_ text: String, style: String? = nil, num: Int? = nil, level: Int = 0, outline: Int? = nil) -> String {
            var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            if let num { properties += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr>" }
            if let outline { properties += "<w:outlineLvl w:val=\"\(outline)\"/>" }
            return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let numbering = """
            <w:abstractNum w:abstractNumId="1">\
            <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>\
            </w:abstractNum>\
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>\
            <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>\
            <w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            """
        let styles = """
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/></w:style>\
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="1"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="章标题"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            """
        let body = [
            paragraph("总体要求", style: "Chapter"),
            paragraph("目标", style: "2", num: 1, level: 1),
            paragraph("原则", style: "2", num: 1, level: 1),
            paragraph("实施", style: "Chapter"),
            paragraph("步骤", style: "2", num: 1, level: 1),
            paragraph("摸底", num: 2), paragraph("建档", num: 2),
            paragraph("评估", num: 3), paragraph("整改", num: 3),
            paragraph("附则", outline: 0),
            "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>频次</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>体检</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>血压</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>每年</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>血糖</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p></w:tc><w:tc><w:p><w:r><w:t>每季</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        ].joined()
        let path = try OfficeArchive.write(OfficeArchive.document(body: body, numbering: numbering, styles: styles), name: "guide.docx", in: folder)
        let converted = try WordDocument.convert(path: path)
        #expect(converted == ConvertedText(markdown: """
            ## 4 总体要求

            ### 4.1 目标

            ### 4.2 原则

            ## 5 实施

            ### 5.1 步骤

            一、 摸底
            二、 建档
            一、 评估
            二、 整改

            ## 附则

            | 项目 |  | 频次 |
            | --- | --- | --- |
            | 体检 | 血压 | 每年 |
            |  | 血糖 | 每季 |

            """))
    }
}
