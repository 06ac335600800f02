/// A basic public-service item (服务事项) with the five columns of China's service standards.
public struct ServiceItem: Hashable, Sendable, Identifiable {
    public var id: String
    public var domainID: String
    public var category: String
    public var name: String
    /// 服务对象: who is entitled.
    public var recipients: String
    /// 服务内容: what is provided.
    public var content: String
    /// 服务标准: the level of service promised.
    public var standard: String
    /// 支出责任: who pays.
    public var funding: String
    /// 牵头负责单位: the lead department.
    public var lead: String
    /// True for Futian's own (特色) items.
    public var isFutianSpecific: Bool
    public var pointTypeIDs: [String]
    public var standardIDs: [String]
    public var provenance: Provenance
    /// Free text on the record, e.g. which fields of a reference item are sample text.
    public var note: String?
    /// The file, sheet and row an imported item was read from.
    public var origin: ImportOrigin?

    public init(id: String, domainID: String, category: String, name: String, recipients: String,
                content: String, standard: String, funding: String, lead: String,
                isFutianSpecific: Bool, pointTypeIDs: [String], standardIDs: [String],
                provenance: Provenance, note: String? = nil, origin: ImportOrigin? = nil) {
        self.id = id
        self.domainID = domainID
        self.category = category
        self.name = name
        self.recipients = recipients
        self.content = content
        self.standard = standard
        self.funding = funding
        self.lead = lead
        self.isFutianSpecific = isFutianSpecific
        self.pointTypeIDs = pointTypeIDs
        self.standardIDs = standardIDs
        self.provenance = provenance
        self.note = note
        self.origin = origin
    }
}
