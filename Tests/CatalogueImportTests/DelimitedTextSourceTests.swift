import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CatalogueImport

@Suite struct DelimitedTextSourceTests {
    /// Writes `bytes` to a scratch file and opens it as CSV.
    static func rows(of bytes: [UInt8], name: String = "t.csv") throws -> Result<[SourceRow], ImportProblem> {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do throws(ImportProblem) {
            return .success(try DelimitedTextSource(path: path).allRows())
        } catch {
            var problem = error
            problem.file = name
            return .failure(problem)
        }
    }

    static func rows(of text: String) throws -> Result<[SourceRow], ImportProblem> { try rows(of: Array(text.utf8)) }

    @Test func aGBKExportWithOneCoordinateColumnIsReadWithItsTitleRowAndQuotedLineBreak() throws {
        let source = try DelimitedTextSource(path: FixturePaths.path("community-health-gbk.csv"))
        #expect(source.encodingName == "GB18030/GBK")
        #expect(source.delimiterName == "comma")
        #expect(try source.sheetNames() == [nil])
        #expect(try source.allRows() == [
            SourceRow(sheet: nil, row: 1, cells: ["福田区社区健康服务中心一览表（2024年6月）", "", "", "", "", "", ""]),
            SourceRow(sheet: nil, row: 2, cells: ["序号", "服务点名称", "类型", "地址", "经纬度", "联系电话", "开放时间"]),
            SourceRow(sheet: nil, row: 3, cells: ["1", "福田区图书馆社康站", "社康中心", "福田区景田路70号", "114.045473,22.550808", "0755-83300001", "08:00-12:00，14:00-17:30"]),
            SourceRow(sheet: nil, row: 4, cells: ["2", "少儿馆旁社康中心", "社康中心", "福田区红荔路1011号\n（少儿图书馆东侧）", "114.099385,22.548595", "0755-83300002", "全天"]),
            SourceRow(sheet: nil, row: 6, cells: ["3", "福中社康中心", "社康中心", "福田区福中一路2001号", "114.057247,22.545982", "0755-83300003", "周一至周五 08:00-17:30"]),
            SourceRow(sheet: nil, row: 7, cells: ["4", "\"暂停服务\"的站点", "社康中心", "福田区福华路", "", "", ""]),
        ])
    }

    @Test func aBaiduListInUTF8WithAByteOrderMarkKeepsItsHeaderClean() throws {
        let source = try DelimitedTextSource(path: FixturePaths.path("schools-bd09.csv"))
        #expect(source.encodingName == "UTF-8")
        #expect(try source.allRows() == [
            SourceRow(sheet: nil, row: 1, cells: ["名称", "类型", "地址", "经度", "纬度", "联系电话"]),
            SourceRow(sheet: nil, row: 2, cells: ["深圳艺术学校", "中等职业学校", "深圳市百花2路16号", "114.10048", "22.559374", "0755-83265494"]),
            SourceRow(sheet: nil, row: 3, cells: ["深圳市第一职业技术学校", "中等职业学校", "深圳市福田区皇岗路3009号", "114.07867", "22.54907", "0755-83501357"]),
            SourceRow(sheet: nil, row: 4, cells: ["深圳市福田区华强职业技术学校", "中等职业学校", "深圳市红荔西路景田南4街1号", "114.054532", "22.550719", "0755-83903387"]),
            SourceRow(sheet: nil, row: 5, cells: ["深圳市城建景东幼儿园", "幼儿园", "深圳市福田区景田东路2号", "114.054142", "22.547909", "0755-83902758"]),
        ])
    }

    @Test func excelsUnicodeTextIsUTF16WithTabs() throws {
        let source = try DelimitedTextSource(path: FixturePaths.path("libraries-utf16.csv"))
        #expect(source.encodingName == "UTF-16 LE")
        #expect(source.delimiterName == "tab")
        #expect(try source.allRows() == [
            SourceRow(sheet: nil, row: 1, cells: ["名称", "地址", "经度", "纬度", "层级"]),
            SourceRow(sheet: nil, row: 2, cells: ["深圳图书馆", "福田区福中一路2001号", "114.05214", "22.54871", "市级"]),
            SourceRow(sheet: nil, row: 3, cells: ["深圳少年儿童图书馆", "福田区红荔路1011号", "114.094258", "22.551276", "市级"]),
            SourceRow(sheet: nil, row: 4, cells: ["福田区图书馆", "福田区景田路70号", "114.040385", "22.553561", "区级"]),
        ])
    }

    @Test func utf16BigEndianWithoutAMarkIsRecognisedByItsZeroBytes() throws {
        var bytes: [UInt8] = []
        for unit in "名称;地址\n图书馆;景田路\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try Self.rows(of: bytes).get() == [
            SourceRow(sheet: nil, row: 1, cells: ["名称", "地址"]),
            SourceRow(sheet: nil, row: 2, cells: ["图书馆", "景田路"]),
        ])
    }

    @Test func semicolonsAreTheDelimiterWhenTheySplitEveryRecordAlike() throws {
        #expect(try Self.rows(of: "a;b,c;d\n1;2,5;3\n").get() == [
            SourceRow(sheet: nil, row: 1, cells: ["a", "b,c", "d"]),
            SourceRow(sheet: nil, row: 2, cells: ["1", "2,5", "3"]),
        ])
    }

    @Test func raggedRowsBlankLinesAndALastLineWithoutBreakAreKeptAsTheyAre() throws {
        #expect(try Self.rows(of: "a,b,c\r\n\r\n1,2\r3,4,5,6\n\"x\"\"y\",\"\"\n7").get() == [
            SourceRow(sheet: nil, row: 1, cells: ["a", "b", "c"]),
            SourceRow(sheet: nil, row: 3, cells: ["1", "2"]),
            SourceRow(sheet: nil, row: 4, cells: ["3", "4", "5", "6"]),
            SourceRow(sheet: nil, row: 5, cells: ["x\"y", ""]),
            SourceRow(sheet: nil, row: 6, cells: ["7"]),
        ])
    }

    @Test func textAfterAClosingQuoteAndQuotesInsideAnUnquotedCellAreKeptAsExcelDoes() throws {
        #expect(try Self.rows(of: "\"ab\"c,d\"e\n").get() == [SourceRow(sheet: nil, row: 1, cells: ["abc", "d\"e"])])
    }

    @Test func anUnterminatedQuoteNamesTheLineWhereTheCellStarted() throws {
        #expect(try Self.rows(of: "a,b\n1,2\n3,\"open\n4,5\n6,7\n") == .failure(ImportProblem(
            file: "t.csv", row: 3, reason: "the quoted cell that starts on line 3 is never closed; add the missing \" or remove the stray one")))
    }

    @Test func anEmptyFileOrOneWithOnlyAByteOrderMarkIsAnError() throws {
        let problem = ImportProblem(file: "t.csv", reason: "the file is empty; export the table again")
        #expect(try Self.rows(of: []) == .failure(problem))
        #expect(try Self.rows(of: [0xEF, 0xBB, 0xBF]) == .failure(problem))
    }

    @Test func bytesThatAreNotUTF8AfterAUTF8ByteOrderMarkNameTheirLine() throws {
        #expect(try Self.rows(of: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n3,".utf8) + [0xFF, 0x0A]) == .failure(ImportProblem(
            file: "t.csv", row: 3, reason: "line 3 is not valid UTF-8 text; save the file as UTF-8 or GB18030 (GBK)")))
    }

    @Test func bytesThatAreNotGB18030NameTheirLine() throws {
        // B8A3 is 福 in GBK; 0xFF is no GB18030 lead byte.
        #expect(try Self.rows(of: [0xB8, 0xA3] + Array(",a\n1,2\n".utf8) + [0xFF, 0xFF, 0x0A]) == .failure(ImportProblem(
            file: "t.csv", row: 3, reason: "line 3 has bytes that are not GB18030/GBK text; save the file as UTF-8 or GB18030 (GBK)")))
    }

    @Test func aFileCutInsideAGBKCharacterSaysItMayBeCutOff() throws {
        #expect(try Self.rows(of: Array("a,b\n".utf8) + [0xB8, 0xA3, 0x0A, 0xCC]) == .failure(ImportProblem(
            file: "t.csv", row: 3, reason: "the file ends in the middle of a character on line 3; it may be cut off")))
    }

    @Test func aCellLongerThanOneMebibyteIsRefusedWithTheLineItStartsOn() throws {
        let huge = "a\n\"" + String(repeating: "x", count: (1 << 20) + 1) + "\"\n"
        #expect(try Self.rows(of: huge) == .failure(ImportProblem(
            file: "t.csv", row: 2, reason: "the cell that starts on line 2 is longer than 1 MiB; check for a quote left open")))
    }

    @Test func aMissingFileAndAFolderAreRefusedClearly() throws {
        #expect(throws: ImportProblem(file: "/nonexistent/x.csv", reason: "cannot read the file: no such file")) {
            try DelimitedTextSource(path: "/nonexistent/x.csv")
        }
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ImportProblem(file: folder.path, reason: "cannot read the file: it is not a regular file")) {
            try DelimitedTextSource(path: folder.path)
        }
    }

    @Test func recordsAcrossChunkBoundariesAndCharactersCutByThemComeOutWhole() throws {
        // More than one 1 MiB chunk of GBK, so characters and records straddle the boundary.
        var text = "序号,名称\n"
        for index in 1...60_000 { text += "\(index),福田区第\(index)号服务点\n" }
        let rows = try Self.rows(of: try #require(Self.gbk(text))).get()
        #expect(rows.count == 60_001)
        #expect(rows.last == SourceRow(sheet: nil, row: 60_001, cells: ["60000", "福田区第60000号服务点"]))
        #expect(rows[30_000] == SourceRow(sheet: nil, row: 30_001, cells: ["30000", "福田区第30000号服务点"]))
    }

    /// `text` in GBK, by iconv.
    static func gbk(_ text: String) -> [UInt8]? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2)
        var inputLeft = input.count, outputLeft = output.count
        let result = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft)
            }
        }
        guard result != -1 else { return nil }
        return Array(output.dropLast(outputLeft))
    }
}
