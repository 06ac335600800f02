import Foundation

/// Turns a Word document's blocks into fuwu's Markdown in the GB/T 1.1 structure: the cover
/// page becomes front matter, the table of contents is dropped (the reader builds its own), and
/// headings become `##` per clause level with the clause number first.
struct StandardLayout {
    /// A paragraph with its role worked out.
    struct Line {
        var text: String
        var styleName: String
        var headingLevel: Int?
        var label: WordNumbering.Label?
        var listLevel: Int
        var endsPage: Bool
    }

    enum Item {
        case line(Line)
        case table([[String]])
    }

    var items: [Item] = []

    /// Headings GB/T 1.1 gives no number, written with spaces between their characters.
    static let unnumberedHeadings: Set<String> = ["前言", "引言", "目次", "参考文献", "索引"]
    /// The most paragraphs a cover page is looked for in.
    static let maximumCoverLines = 40

    init(blocks: [WordBlock], styles: WordStyles, numbering: WordNumbering) {
        var numbering = numbering
        for block in blocks {
            switch block {
            case .table(let rows):
                items.append(.table(rows))
            case .paragraph(let paragraph):
                var label: WordNumbering.Label?
                var listLevel = 0
                let direct = paragraph.numberingID.map { ($0, paragraph.numberingLevel ?? 0) }
                if let (id, level) = direct ?? styles.numbering(paragraph.styleID).map({ ($0.id, paragraph.numberingLevel ?? $0.level) }) {
                    label = numbering.next(instance: id, level: level)
                    listLevel = level
                }
                var headingLevel = styles.headingLevel(paragraph.styleID)
                if let outline = paragraph.outlineLevel { headingLevel = outline < 9 ? outline + 1 : nil }
                items.append(.line(Line(text: paragraph.text, styleName: styles.name(paragraph.styleID),
                                        headingLevel: headingLevel, label: label, listLevel: listLevel,
                                        endsPage: paragraph.endsPage)))
            }
        }
    }

    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    static func isTableOfContents(_ line: Line) -> Bool {
        compact(line.text) == "目次" || line.styleName.lowercased().hasPrefix("toc")
    }

    /// The appendix heading `附录 A（规范性）标题` from `附录A` and the lines after it, or nil.
    static func appendixHeading(_ text: String) -> String? {
        let collapsed = CoverPage.collapse(text)
        guard let match = collapsed.prefixMatch(of: /附录\s*([A-Z])(?=$|\s|（|\()/) else { return nil }
        var heading = "附录 \(match.1)"
        for part in collapsed[match.range.upperBound...].split(separator: " ") {
            heading += part.hasPrefix("（") || part.hasPrefix("(") ? String(part) : " " + part
        }
        return heading
    }

    /// A clause number typed before a heading's title: `5.1.2`, `A.1`, or a chapter's `5`.
    static func typedNumber(_ text: String) -> (number: String, title: String)? {
        guard let match = text.prefixMatch(of: /([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)+)(?:\s+|$)/) else { return nil }
        return (String(match.1), String(text[match.range.upperBound...]))
    }

    /// The Markdown heading for a line that is one, else nil.
    static func heading(_ line: Line) -> String? {
        let collapsed = CoverPage.collapse(line.text)
        let compacted = compact(line.text)
        if let appendix = appendixHeading(line.text) {
            guard line.headingLevel != nil || line.styleName.contains("附录") || compacted.count <= 40 else { return nil }
            return "## " + appendix
        }
        if unnumberedHeadings.contains(compacted) { return "## " + compacted }
        guard let styleLevel = line.headingLevel, !collapsed.isEmpty else { return nil }
        var number: String?
        var title = collapsed
        if let typed = typedNumber(collapsed) {
            (number, title) = typed
        } else if case .number(let label) = line.label {
            number = label.trimmingCharacters(in: CharacterSet(charactersIn: ".、 \t"))
        }
        let level = number.map { $0.split(separator: ".").count } ?? styleLevel
        let hashes = String(repeating: "#", count: min(level + 1, 6))
        return [hashes, number, title.isEmpty ? nil : title].compactMap { $0 }.joined(separator: " ")
    }

    /// The converted text.
    func converted() -> ConvertedText {
        let (cover, bodyStart) = coverPage()
        var blocks: [String] = []
        var listRun: [String] = []
        var inTableOfContents = false
        var firstDraftingBody: String?
        func flushList() {
            if !listRun.isEmpty { blocks.append(listRun.joined(separator: "\n")) }
            listRun = []
        }
        for item in items[bodyStart...] {
            switch item {
            case .table(let rows):
                guard !inTableOfContents else { continue }
                flushList()
                if let table = Self.pipeTable(rows) { blocks.append(table) }
            case .line(let line):
                if Self.isTableOfContents(line) {
                    inTableOfContents = true
                    continue
                }
                if let heading = Self.heading(line) {
                    inTableOfContents = false
                    flushList()
                    blocks.append(heading)
                    continue
                }
                if inTableOfContents { continue }
                let lines = line.text.split(separator: "\n").map { CoverPage.collapse(String($0)) }.filter { !$0.isEmpty }
                guard !lines.isEmpty else { continue }
                if firstDraftingBody == nil, let found = Self.draftingBody(lines.joined()) { firstDraftingBody = found }
                if let label = line.label {
                    let marker = switch label {
                    case .bullet: "-"
                    case .number(let text): text
                    }
                    listRun.append(String(repeating: "  ", count: line.listLevel) + marker + " " + lines.joined(separator: " "))
                } else {
                    flushList()
                    var paragraph = lines.joined(separator: "\n")
                    if paragraph.hasPrefix("#") { paragraph = "\\" + paragraph }
                    blocks.append(paragraph)
                }
            }
        }
        flushList()
        let markdown = blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
        return ConvertedText(code: cover.code, title: cover.title, issued: cover.issued, effective: cover.effective,
                             draftingBody: cover.issuer ?? firstDraftingBody, markdown: markdown)
    }

    /// The cover page and the index of the first item after it. The cover runs to the first
    /// page or section break before any heading or table of contents; without such a break,
    /// to the first heading, if what comes before says what a cover says.
    func coverPage() -> (CoverPage, Int) {
        var lines: [(text: String, styleName: String)] = []
        for (index, item) in items.prefix(Self.maximumCoverLines).enumerated() {
            guard case .line(let line) = item else { break }
            if Self.isTableOfContents(line) || Self.heading(line) != nil {
                let cover = CoverPage(lines: lines)
                return cover.isEmpty ? (CoverPage(), 0) : (cover, index)
            }
            lines.append((line.text, line.styleName))
            if line.endsPage {
                let cover = CoverPage(lines: lines)
                return cover.isEmpty ? (CoverPage(), 0) : (cover, index + 1)
            }
        }
        return (CoverPage(), 0)
    }

    /// `本文件起草单位：A、B。` → `A、B`.
    static func draftingBody(_ text: String) -> String? {
        guard let range = text.range(of: "起草单位：") ?? text.range(of: "起草单位:") else { return nil }
        let rest = text[range.upperBound...]
        let body = rest.prefix { $0 != "。" }.trimmingCharacters(in: .whitespaces)
        return body.isEmpty ? nil : body
    }

    /// Rows as a Markdown pipe table, the first row as its header; `|` in cells escaped.
    static func pipeTable(_ rows: [[String]]) -> String? {
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return nil }
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map { CoverPage.collapse($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = [line(rows[0]), "|" + Array(repeating: " --- |", count: width).joined()]
        lines += rows.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }
}
