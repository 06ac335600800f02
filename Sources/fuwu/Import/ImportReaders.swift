import CatalogueImport
import Foundation

/// The readers `fuwu import` opens files with, by extension.
enum ImportReaders {
    /// A workbook or CSV file as a table.
    static func openTable(_ path: String) throws(ImportProblem) -> any TableSource {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "tsv": return try DelimitedTextSource(path: path)
        case "xlsx": return try WorkbookSource(path: path)
        default:
            throw ImportProblem(file: path, reason: "fuwu reads tables from .xlsx, .csv and .tsv files, not .\((path as NSString).pathExtension)")
        }
    }

    /// A Word document, Markdown or plain text as a standard's text.
    static func convertText(_ path: String) throws(ImportProblem) -> ConvertedText {
        switch (path as NSString).pathExtension.lowercased() {
        case "docx": return try WordDocument.convert(path: path)
        default: return try PlainText.convert(path: path)
        }
    }
}
