/// How the browser looks and behaves, set from the command line.
public struct BrowserOptions: Sendable, Hashable {
    /// The language of labels, help and messages.
    public var language: InterfaceLanguage
    /// Draw borders with `+ - |` instead of box-drawing characters.
    public var ascii: Bool
    /// Use colour (false for NO_COLOR / `--no-color`); styles keep their non-colour cues either way.
    public var colour: Bool
    /// The terminal draws East-Asian ambiguous characters two columns wide.
    public var ambiguousWide: Bool
    /// Mouse reporting is on: clicks select rows, the wheel scrolls.
    public var mouse: Bool
    /// The terminal shows 256 colours, so map points take one colour per domain; otherwise (8
    /// colours, NO_COLOR) each point shows its domain's digit 1–9.
    public var domainColours: Bool
    /// A terminal cell's width divided by its height, so map circles come out round.
    public var cellAspect: Double

    /// The usual cell: twice as tall as it is wide.
    public static let defaultCellAspect = 0.5
    /// Links on the point page are drawn as OSC 8 hyperlinks too.
    public var hyperlinks: Bool

    public init(language: InterfaceLanguage = .chinese, ascii: Bool = false, colour: Bool = true,
                ambiguousWide: Bool = false, mouse: Bool = false, domainColours: Bool = true,
                cellAspect: Double = BrowserOptions.defaultCellAspect, hyperlinks: Bool = false) {
        self.language = language
        self.ascii = ascii
        self.colour = colour
        self.ambiguousWide = ambiguousWide
        self.mouse = mouse
        self.domainColours = domainColours && colour
        self.cellAspect = cellAspect
        self.hyperlinks = hyperlinks
    }

    /// Box-drawing characters are unsafe when the terminal may draw them two columns wide.
    var asciiBorders: Bool { ascii || ambiguousWide }
}
