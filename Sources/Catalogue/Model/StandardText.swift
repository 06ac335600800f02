/// A standard text or service guide behind one or more items; its body is read on demand.
public struct StandardText: Hashable, Sendable, Identifiable {
    /// Whether a text is a standard (标准文本) or a service guide (服务指南).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case standard, guide
    }
    /// Who issued it.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case national, industry, guangdong, shenzhen, district
    }

    public var id: String
    public var code: String
    public var title: String
    public var kind: Kind
    public var level: Level
    /// ISO date, when known.
    public var issued: String?
    public var effective: String?
    public var itemIDs: [String]
    public var provenance: Provenance
    /// The file an imported text was converted from.
    public var origin: ImportOrigin?

    public init(id: String, code: String, title: String, kind: Kind, level: Level, issued: String?,
                effective: String?, itemIDs: [String], provenance: Provenance, origin: ImportOrigin? = nil) {
        self.id = id
        self.code = code
        self.title = title
        self.kind = kind
        self.level = level
        self.issued = issued
        self.effective = effective
        self.itemIDs = itemIDs
        self.provenance = provenance
        self.origin = origin
    }
}
