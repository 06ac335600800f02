/// What the map's legend says: the words come from the caller, in its language.
public struct MapLegend: Sendable {
    /// First line: where from and the radius.
    public var heading: String
    /// Domain names in catalogue order.
    public var domainNames: [String]
    public var language: InterfaceLanguage
    /// The current radius, shown in brackets among the published ones.
    public var radiusMetres: Int
    /// Whether subdistrict boundaries are drawn (they are hand-drawn, which the legend says).
    public var hasSubdistricts: Bool
    /// What the extra outlines are (uncovered patches, say), when there are any.
    public var overlayName: String?
    /// Whether official points are drawn: they are drawn as reference points are, which the legend then says.
    public var hasOfficial: Bool

    public init(heading: String, domainNames: [String], language: InterfaceLanguage, radiusMetres: Int, hasSubdistricts: Bool,
                overlayName: String? = nil, hasOfficial: Bool = false) {
        self.hasOfficial = hasOfficial
        self.heading = heading
        self.domainNames = domainNames
        self.language = language
        self.radiusMetres = radiusMetres
        self.hasSubdistricts = hasSubdistricts
        self.overlayName = overlayName
    }
}
