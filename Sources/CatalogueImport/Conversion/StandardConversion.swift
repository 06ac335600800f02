import Catalogue
import Foundation

/// The catalogue's reading of a standard's code, kind and level, and the record a converted text
/// (.docx, .md, .txt) becomes.
public enum StandardConversion {
    /// The code written for a text whose number is not known (a report may name a standard by title only).
    public static let uncoded = "未公开编号"
    /// The body of a text known by number and title only.
    public static let titleOnlyBody = "本文件正文未公开，此处只记录编号、标题和日期。\n"

    /// `standard` or `guide` from the words offices use.
    public static func kind(_ text: String) -> StandardText.Kind? {
        switch CellText.headerKey(text) {
        case "standard", "标准", "标准文本", "规范", "内部规范": return .standard
        case "guide", "指南", "服务指南", "指引": return .guide
        default: return nil
        }
    }

    /// The level from its name, in English or Chinese.
    public static func level(_ text: String) -> StandardText.Level? {
        if let level = StandardText.Level(rawValue: CellText.headerKey(text)) { return level }
        switch CellText.headerKey(text) {
        case "国家", "国家标准": return .national
        case "行业", "行业标准": return .industry
        case "广东", "广东省", "省", "省级", "广东省地方标准": return .guangdong
        case "深圳", "深圳市", "市", "市级", "深圳市地方标准", "深圳市地方": return .shenzhen
        case "区", "区级", "区内部规范", "福田区": return .district
        default: return nil
        }
    }

    /// The level a standard's number tells: `GB` national, `DB44` Guangdong, `DB4403` and `SJG`
    /// Shenzhen, other letters with `/T` industry, and no number a district text.
    public static func level(ofCode code: String) -> StandardText.Level {
        let key = CellText.halfWidth(code).uppercased().replacingOccurrences(of: " ", with: "")
        if key.hasPrefix("DB4403") || key.hasPrefix("SJG") || key.hasPrefix("SZDB") { return .shenzhen }
        if key.hasPrefix("DB44") { return .guangdong }
        if key.hasPrefix("GB") { return .national }
        if let first = key.unicodeScalars.first, ("A"..."Z").contains(first) { return .industry }
        return .district
    }

    /// A code reduced for matching: dashes of every width alike, no spaces.
    public static func codeKey(_ code: String) -> String {
        CellText.halfWidth(code).uppercased().map { "—–－‐".contains($0) ? "-" : $0 }.filter { !$0.isWhitespace }.map(String.init).joined()
    }

    /// The record a converted text becomes: `kind` guide when it has a 服务流程 chapter.
    public static func record(_ text: ConvertedText, path: String, context: ImportContext) -> ImportedRow {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let code = text.code ?? uncoded
        let isGuide = text.markdown.split(separator: "\n").contains { line in
            line.hasPrefix("#") && line.hasSuffix("服务流程")
        }
        let origin = ImportOrigin(file: name, date: context.date)
        let standard = StandardText(id: "", code: code, title: text.title ?? stem, kind: isGuide ? .guide : .standard,
                                    level: level(ofCode: text.code ?? ""), issued: text.issued, effective: text.effective,
                                    itemIDs: [], provenance: context.provenance, origin: origin)
        var provided: Set<RecordField> = [.title, .kind, .level, .body]
        if text.code != nil { provided.insert(.code) }
        if text.issued != nil { provided.insert(.issued) }
        if text.effective != nil { provided.insert(.effective) }
        if text.draftingBody != nil { provided.insert(.draftingBody) }
        return ImportedRow(record: .standard(standard, body: text.markdown), origin: origin, provided: provided,
                           draftingBody: text.draftingBody)
    }
}
