import Foundation
import ZIPFoundation

/// A small Office file written from parts, for edge cases the fixture tools do not produce.
enum OfficeArchive {
    /// Writes a zip of `parts` (path → XML text) to a scratch file named `name`, returning its path.
    static func write(_ parts: [(String, String)], name: String, in folder: URL) throws -> String {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let url = folder.appendingPathComponent(name)
        try (archive.data ?? Data()).write(to: url)
        return url.path
    }

    static let spreadsheetNamespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let wordNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A one-sheet workbook around `sheetData` (the sheet's XML after `<worksheet>`).
    static func workbook(sheet: String, date1904: Bool = false, styles: String? = nil) -> [(String, String)] {
        var parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook \(spreadsheetNamespace)><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<worksheet \(spreadsheetNamespace)>\(sheet)</worksheet>"),
        ]
        if let styles { parts.append(("xl/styles.xml", "<styleSheet \(spreadsheetNamespace)>\(styles)</styleSheet>")) }
        return parts
    }

    /// A document around `body`, with optional numbering and styles parts.
    static func document(body: String, numbering: String? = nil, styles: String? = nil) -> [(String, String)] {
        var relationships = ""
        var parts: [(String, String)] = [("word/document.xml", "<w:document \(wordNamespace)><w:body>\(body)</w:body></w:document>")]
        if let numbering {
            parts.append(("word/numbering.xml", "<w:numbering \(wordNamespace)>\(numbering)</w:numbering>"))
            relationships += "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
        }
        if let styles {
            parts.append(("word/styles.xml", "<w:styles \(wordNamespace)>\(styles)</w:styles>"))
            relationships += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        }
        parts.append(("word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"))
        return parts
    }
}
