import BrowserUI

/// How a `Style` looks on a terminal: attributes that carry the meaning without colour, plus an
/// optional colour pair.
public struct CellAppearance: Sendable, Equatable {
    /// Attribute bits, matching the shim's FUWU_ATTR_* values.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)
    }

    public var attributes: Attributes
    /// The colour pair, or nil for the terminal's default colours.
    public var pair: ColourPair?

    public init(attributes: Attributes, pair: ColourPair? = nil) {
        self.attributes = attributes
        self.pair = pair
    }

    /// The appearance of a style; with `colour` false no pair is used, and nothing is lost,
    /// because every style that means something has an attribute as well. Map points take their
    /// domain's colour only when `domainColours` (a 256-colour terminal).
    public static func of(_ style: Style, colour: Bool, domainColours: Bool = false) -> CellAppearance {
        var appearance: CellAppearance
        switch style {
        case .normal: appearance = CellAppearance(attributes: [])
        case .title: appearance = CellAppearance(attributes: [.bold], pair: .heading)
        case .selected: appearance = CellAppearance(attributes: [.reverse])
        case .dim: appearance = CellAppearance(attributes: [.dim])
        case .match: appearance = CellAppearance(attributes: [.bold, .underline], pair: .match)
        case .border: appearance = CellAppearance(attributes: [], pair: .border)
        case .keyBar: appearance = CellAppearance(attributes: [])
        case .key: appearance = CellAppearance(attributes: [.reverse, .bold])
        case .warning: appearance = CellAppearance(attributes: [.bold], pair: .warning)
        case .status: appearance = CellAppearance(attributes: [.reverse], pair: .accent)
        case .field: appearance = CellAppearance(attributes: [.underline])
        case .mapBoundary: appearance = CellAppearance(attributes: [.dim])
        case .mapOverlay: appearance = CellAppearance(attributes: [.bold], pair: .warning)
        case .mapCircle: appearance = CellAppearance(attributes: [], pair: .border)
        case .mapCurrentCircle: appearance = CellAppearance(attributes: [.bold], pair: .heading)
        case .mapOrigin: appearance = CellAppearance(attributes: [.bold], pair: .warning)
        case .otherPoint: appearance = CellAppearance(attributes: [.bold])
        default:
            // Map points: bold for reference data, dim for sample data, coloured by domain.
            let domain = style.mapDomainIndex ?? 0
            appearance = CellAppearance(attributes: style.isSamplePoint ? [.dim] : [.bold],
                                        pair: domainColours ? ColourPair.domains[domain] : nil)
        }
        if !colour { appearance.pair = nil }
        return appearance
    }
}
