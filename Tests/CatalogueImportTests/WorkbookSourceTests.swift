import Foundation
import Testing
@testable import CatalogueImport

@Suite struct WorkbookSourceTests {
    static let health: [SourceRow] = [
        SourceRow(sheet: "病有良医", row: 1, cells: Array(repeating: "福田区基本公共服务设施清单——病有良医", count: 7)),
        SourceRow(sheet: "病有良医", row: 2, cells: ["填报单位：福田区卫生健康局", "", "", "", "更新日期", "2024-06-01"]),
        SourceRow(sheet: "病有良医", row: 3, cells: ["序号", "服务点名称", "所属街道", "地址", "经度", "纬度", "联系电话", "床位数", "24小时"]),
        SourceRow(sheet: "病有良医", row: 4, cells: ["001", "福田区图书馆社康站", "园岭街道", "福田区景田路70号", "114.045473", "22.550808", "0755-83300001", "12", "TRUE"]),
        SourceRow(sheet: "病有良医", row: 5, cells: ["002", "少儿馆旁社康中心", "园岭街道", "福田区红荔路1011号", "114.099385", "22.548595", "", "8", "FALSE"]),
        SourceRow(sheet: "病有良医", row: 6, cells: ["003", "福中社康中心", "莲花街道", "福田区福中一路2001号", "", "", "0755-83300003", "0", "FALSE"]),
        SourceRow(sheet: "病有良医", row: 7, cells: ["", "开业日期", "2019-12-30", "", "18:00"]),
    ]
    static let schools: [SourceRow] = [
        SourceRow(sheet: "学有优教", row: 1, cells: Array(repeating: "福田区学校名单", count: 4)),
        SourceRow(sheet: "学有优教", row: 2, cells: ["名称", "类型", "地址", "学校代码"]),
        SourceRow(sheet: "学有优教", row: 3, cells: ["深圳艺术学校", "中等职业学校", "深圳市百花2路16号", "440303001985"]),
        SourceRow(sheet: "学有优教", row: 4, cells: ["深圳市城建景东幼儿园", "幼儿园", "深圳市福田区景田东路2号", "440303000293"]),
    ]

    @Test func everySheetIsReadInWorkbookOrderWithMergedTitlesSharedAndRichStringsDatesAndBooleans() throws {
        let workbook = try WorkbookSource(path: FixturePaths.path("service-points.xlsx"))
        #expect(try workbook.sheetNames() == ["病有良医", "学有优教"])
        #expect(try workbook.allRows() == Self.health + Self.schools)
    }

    @Test func onlyTheNamedSheetsAreRead() throws {
        let workbook = try WorkbookSource(path: FixturePaths.path("service-points.xlsx"))
        #expect(try workbook.allRows(sheets: ["学有优教"]) == Self.schools)
    }

    @Test func anUnknownSheetNameListsTheSheetsThereAre() throws {
        let path = FixturePaths.path("service-points.xlsx")
        #expect(throws: ImportProblem(file: path, reason: "the workbook has no sheet named 住有宜居; its sheets are 病有良医, 学有优教")) {
            try WorkbookSource(path: path).allRows(sheets: ["住有宜居"])
        }
    }

    @Test func aCSVOrAnOldXLSGivenAsAWorkbookIsRefusedWithWhatToDo() throws {
        let csv = FixturePaths.path("schools-bd09.csv")
        #expect(throws: ImportProblem(file: csv, reason: "this is not an .xlsx workbook: it is not a zip archive")) {
            try WorkbookSource(path: csv)
        }
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xls = folder.appendingPathComponent("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: xls)
        #expect(throws: ImportProblem(file: xls.path, reason: "this is an old binary Office file (.xls or .doc); open it and save it as an .xlsx workbook")) {
            try WorkbookSource(path: xls.path)
        }
    }

    @Test func aWordDocumentGivenAsAWorkbookIsRefused() throws {
        let path = FixturePaths.path("standard-gbt.docx")
        #expect(throws: ImportProblem(file: path, reason: "the archive's main part word/document.xml is not an Excel workbook (a .docx or .pptx?)")) {
            try WorkbookSource(path: path)
        }
    }

    @Test func aTruncatedWorkbookIsReportedAsCutOff() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Data(contentsOf: FixturePaths.fixtures.appendingPathComponent("service-points.xlsx"))
        let cut = folder.appendingPathComponent("cut.xlsx")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let problem = try #require(throws: ImportProblem.self) { try WorkbookSource(path: cut.path).allRows() }
        #expect(problem.file == cut.path)
        #expect(problem.reason.hasPrefix("the zip archive is cut off or damaged"))
    }

    @Test func numbersShowAsExcelShowsThemAndDateSerialsBecomeDays() {
        #expect(NumberFormatKind.general(8.0) == "8")
        #expect(NumberFormatKind.general(-0.0) == "0")
        #expect(NumberFormatKind.general(114.05000000000001) == "114.05")
        #expect(NumberFormatKind.general(1e20) == "1e+20")
        #expect(NumberFormatKind.date.text(of: 45444, date1904: false) == "2024-06-01")
        #expect(NumberFormatKind.date.text(of: 43_982, date1904: true) == "2024-06-01")
        #expect(NumberFormatKind.date.text(of: 1, date1904: false) == "1900-01-01")
        #expect(NumberFormatKind.date.text(of: 59, date1904: false) == "1900-02-28")
        #expect(NumberFormatKind.date.text(of: 61, date1904: false) == "1900-03-01")
        #expect(NumberFormatKind.dateTime.text(of: 45444.5, date1904: false) == "2024-06-01 12:00")
        #expect(NumberFormatKind.dateTime.text(of: 45444, date1904: false) == "2024-06-01")
        #expect(NumberFormatKind.time.text(of: 0.3750115740740741, date1904: false) == "09:00:01")
        #expect(NumberFormatKind.date.text(of: -1, date1904: false) == nil)
    }

    @Test func formatCodesAreToldApartByTheirDateAndTimeLetters() {
        #expect(NumberFormatKind.custom("yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(NumberFormatKind.custom("yyyy-mm-dd h:mm:ss") == .dateTime)
        #expect(NumberFormatKind.custom("[$-F400]h:mm:ss\\ AM/PM") == .time)
        #expect(NumberFormatKind.custom("#,##0.00_);[Red]\\(#,##0.00\\)") == .number)
        #expect(NumberFormatKind.custom("0.00\"天\"") == .number)
        #expect(NumberFormatKind.custom("@") == .number)
        #expect(NumberFormatKind.builtIn(31) == .date)
        #expect(NumberFormatKind.builtIn(32) == .time)
        #expect(NumberFormatKind.builtIn(2) == .number)
    }

    @Test func cellReferencesReadColumnsBeyondZ() {
        #expect(CellReference("C7") == CellReference(column: 3, row: 7))
        #expect(CellReference("$AB$120") == CellReference(column: 28, row: 120))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("7C") == nil)
        #expect(CellReference(column: 28, row: 120).name == "AB120")
    }

    @Test func officeEscapesInTextAreUndone() {
        #expect(WorkbookSource.unescapeOfficeText("a_x000D_b_x005F_x000D_c_xZZ") == "a\rb_x000D_c_xZZ")
    }
}
