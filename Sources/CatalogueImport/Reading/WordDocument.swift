import Foundation

/// A standard or service guide written in Word (.docx) in the GB/T 1.1 layout, converted to
/// fuwu's Markdown: clause headings with their numbers (typed, or computed as Word numbers them),
/// lists, pipe tables and appendices, with the cover page's facts as front matter.
public enum WordDocument {
    /// Converts the document at `path`.
    public static func convert(path: String) throws(ImportProblem) -> ConvertedText {
        let package = try OfficePackage(path: path, kind: "a .docx document")
        let documentPath = try package.target(of: "", typeSuffix: "officeDocument") ?? "word/document.xml"
        guard package.contains(documentPath) else {
            throw ImportProblem(file: path, reason: "the archive has no \(documentPath); it is not a Word document (an .xlsx or .pptx?)")
        }
        let relationships = try package.relationships(of: documentPath)
        func part(_ type: String) -> String? {
            relationships.values.filter { $0.type.hasSuffix("/" + type) }.map(\.target).sorted().first
        }
        let styles = try WordStyles(package: package, partPath: part("styles"))
        let numbering = try WordNumbering(package: package, partPath: part("numbering"))
        let blocks = try WordBodyReader.blocks(try package.part(documentPath), package: package, partPath: documentPath)
        return StandardLayout(blocks: blocks, styles: styles, numbering: numbering).converted()
    }
}
