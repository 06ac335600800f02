import Testing
@testable import CatalogueImport

@Suite struct ImportProblemTests {
    @Test func aProblemNamesFileSheetAndRowBeforeItsReason() {
        let problem = ImportProblem(file: "points.xlsx", sheet: "病有良医", row: 7, reason: "经度 is not a number: 东经114")
        #expect(problem.description == "points.xlsx:病有良医:7: 经度 is not a number: 东经114")
    }

    @Test func aProblemWithoutSheetOrRowNamesOnlyTheFile() {
        #expect(ImportProblem(file: "a.csv", reason: "empty file").description == "a.csv: empty file")
    }
}
