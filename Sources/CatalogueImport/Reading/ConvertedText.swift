/// A standard or service guide converted from a district file (.docx, .md, .txt) into fuwu's
/// Markdown text, with what its cover page says about it.
public struct ConvertedText: Sendable, Equatable {
    /// The standard's number, e.g. `DB4403/T 236—2022`, when the cover page gives one.
    public var code: String?
    /// The title.
    public var title: String?
    /// The issue date as `YYYY-MM-DD`, when given.
    public var issued: String?
    /// The effective date as `YYYY-MM-DD`, when given.
    public var effective: String?
    /// The body that drafted or issued it (起草单位 / 发布单位), when given.
    public var draftingBody: String?
    /// The Markdown body without front matter: `##` per clause level with the clause number
    /// first (`## 1 范围`, `### 5.1 …`, `#### 5.1.2 …`), lists, and tables as pipe tables.
    public var markdown: String

    public init(code: String? = nil, title: String? = nil, issued: String? = nil, effective: String? = nil,
                draftingBody: String? = nil, markdown: String) {
        self.code = code
        self.title = title
        self.issued = issued
        self.effective = effective
        self.draftingBody = draftingBody
        self.markdown = markdown
    }
}
