import Foundation

/// The paragraph styles of a Word document: the heading level and numbering each one carries,
/// following `basedOn` inheritance.
struct WordStyles {
    struct Style {
        var name: String = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numberingID: Int?
        var numberingLevel: Int?
    }

    var styles: [String: Style] = [:]

    /// Reads `word/styles.xml`.
    init(package: OfficePackage, partPath: String?) throws(ImportProblem) {
        guard let partPath, package.contains(partPath) else { return }
        var styles: [String: Style] = [:]
        var current: (id: String, style: Style)?
        var inParagraphProperties = false
        try XMLEventReader.read(try package.part(partPath), malformed: package.malformed(partPath),
            onStart: { element, attributes throws(ImportProblem) in
                switch element {
                case "style":
                    current = attributes["type"] == "paragraph" ? (attributes["styleId"] ?? "", Style()) : nil
                case "name": current?.style.name = attributes["val"] ?? ""
                case "basedOn": current?.style.basedOn = attributes["val"]
                case "pPr": inParagraphProperties = true
                case "outlineLvl" where inParagraphProperties: current?.style.outlineLevel = attributes["val"].flatMap(Int.init)
                case "numId" where inParagraphProperties: current?.style.numberingID = attributes["val"].flatMap(Int.init)
                case "ilvl" where inParagraphProperties: current?.style.numberingLevel = attributes["val"].flatMap(Int.init)
                default: break
                }
            },
            onEnd: { element throws(ImportProblem) in
                switch element {
                case "style":
                    if let done = current { styles[done.id] = done.style }
                    current = nil
                case "pPr": inParagraphProperties = false
                default: break
                }
            })
        self.styles = styles
    }

    init() {}

    /// The styles from `id` up its `basedOn` chain (at most 16, so a loop cannot hang).
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var next = id
        while let current = next, let style = styles[current], result.count < 16 {
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// The style's name, e.g. `heading 1` or `标题 1`.
    func name(_ id: String?) -> String { chain(id).first?.name ?? id ?? "" }

    /// The 1-based heading level a style gives: from a name like `heading 2` or `标题 2`, else
    /// from its outline level; nil for body text.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            if let level = Self.headingLevel(named: style.name) { return level }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
        }
        return id.flatMap(Self.headingLevel(named:))
    }

    /// The level in names such as `heading 3`, `Heading3` or `标题 3`.
    static func headingLevel(named name: String) -> Int? {
        let lowered = name.lowercased()
        for prefix in ["heading", "标题"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }

    /// The numbering a style carries (inherited), as (instance, level).
    func numbering(_ id: String?) -> (id: Int, level: Int)? {
        for style in chain(id) {
            if let numberingID = style.numberingID { return (numberingID, style.numberingLevel ?? 0) }
        }
        return nil
    }
}
