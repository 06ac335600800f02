import Foundation

/// What the cover page of a GB/T 1.1 standard says about it: code, title, issue and effective
/// dates and issuing body, read from its lines (`DB4403/T 236—2022`, `2022-04-28发布`, …).
struct CoverPage: Equatable {
    var code: String?
    var title: String?
    var issued: String?
    var effective: String?
    var issuer: String?

    /// Whether the lines said anything a cover says.
    var isEmpty: Bool { code == nil && title == nil && issued == nil && effective == nil && issuer == nil }

    /// Reads the cover's lines, each with its paragraph style's name.
    init(lines: [(text: String, styleName: String)]) {
        var titleParts: [String] = []
        var titleClosed = false
        for (text, styleName) in lines {
            let collapsed = Self.collapse(text)
            let compact = collapsed.filter { !$0.isWhitespace }
            guard !compact.isEmpty else { continue }
            if let date = Self.date(compact, suffix: "发布") {
                issued = date
            } else if let date = Self.date(compact, suffix: "实施") {
                effective = date
            } else if compact.hasSuffix("发布"), compact.count > 2 {
                issuer = String(collapsed.dropLast(2)).trimmingCharacters(in: .whitespaces)
            } else if let found = Self.code(collapsed) {
                if code == nil { code = found }
            } else if Self.isTitleStyle(styleName) || (!titleClosed && Self.mayBeTitle(collapsed)) {
                // A title may run over several lines; the first other line ends it.
                titleParts.append(collapsed)
                continue
            }
            if !titleParts.isEmpty { titleClosed = true }
        }
        title = titleParts.isEmpty ? nil : titleParts.joined()
    }

    init(code: String? = nil, title: String? = nil, issued: String? = nil, effective: String? = nil, issuer: String? = nil) {
        self.code = code
        self.title = title
        self.issued = issued
        self.effective = effective
        self.issuer = issuer
    }

    /// Whitespace runs (including the ideographic space and line breaks) as one space.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    static func isTitleStyle(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "title" || lowered.contains("标准名称") || lowered.contains("文件名称") || lowered == "标题"
    }

    /// A Chinese line that is not one of the cover's fixed lines (ICS/CCS, "深圳市地方标准", a
    /// replaced standard, a draft stage).
    static func mayBeTitle(_ text: String) -> Bool {
        guard hasChinese(text) else { return false }
        let compact = text.filter { !$0.isWhitespace }
        if compact.hasPrefix("ICS") || compact.hasPrefix("CCS") { return false }
        if compact.hasSuffix("标准") && compact.count <= 16 { return false }
        if compact.hasPrefix("代替") || compact.hasPrefix("替代") { return false }
        if compact.hasPrefix("（") || compact.hasPrefix("(") { return false }
        return true
    }

    /// `DB4403/T 236—2022` and the like, with the year's dash made an em dash as GB/T writes it.
    static func code(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /([A-Z]{1,6}[0-9]*(?:\/[A-Z]{1,6})?)\s*([0-9]+(?:\.[0-9]+)*)\s*[—–\-－‑]\s*([0-9]{4})/) else { return nil }
        return "\(match.1) \(match.2)—\(match.3)"
    }

    /// `2024-06-01发布`, `2024年6月1日 发布` … as `2024-06-01` when `suffix` follows a real date.
    static func date(_ compact: String, suffix: String) -> String? {
        guard compact.hasSuffix(suffix) else { return nil }
        return isoDate(String(compact.dropLast(suffix.count)))
    }

    /// A date written `2024-06-01`, `2024.6.1`, `2024/6/1` or `2024年6月1日` as `YYYY-MM-DD`, when real.
    static func isoDate(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /([0-9]{4})[-.\/－年]([0-9]{1,2})[-.\/－月]([0-9]{1,2})日?/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
