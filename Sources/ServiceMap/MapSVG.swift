/// A standalone SVG document of a map scene. The viewBox is in projected metres with y flipped
/// (SVG y = −north), so every coordinate is placed by the same projection as the terminal map;
/// strokes do not scale, so lines keep their width at any zoom; text names CJK fonts first.
public struct MapSVG: Sendable {
    /// The words the document shows, in the caller's language.
    public struct Labels: Sendable {
        public var title: String
        public var subtitle: String
        /// Domain names in catalogue order (their colours come from `DomainPalette`).
        public var domainNames: [String]
        public var reference: String
        public var sample: String
        public var origin: String
        /// e.g. "circles 500 / 1000 / 1500 m (geodesic)".
        public var circles: String
        /// e.g. "subdistrict boundaries are hand-drawn approximations".
        public var boundaries: String
        /// Where the data comes from, shown under the legend.
        public var provenance: [String]
        /// The scale bar's unit after the number, e.g. " m" or " 米".
        public var metreUnit: String
        /// A point's hover title: name, type, distance.
        public var pointTitle: @Sendable (MapMarker) -> String

        public init(title: String, subtitle: String, domainNames: [String], reference: String, sample: String,
                    origin: String, circles: String, boundaries: String, provenance: [String], metreUnit: String,
                    pointTitle: @escaping @Sendable (MapMarker) -> String) {
            self.title = title
            self.subtitle = subtitle
            self.domainNames = domainNames
            self.reference = reference
            self.sample = sample
            self.origin = origin
            self.circles = circles
            self.boundaries = boundaries
            self.provenance = provenance
            self.metreUnit = metreUnit
            self.pointTitle = pointTitle
        }
    }

    /// Fonts for Chinese text on common systems, then the generic family.
    public static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
    /// The drawing is this many pixels wide when opened on its own.
    public static let pixelWidth = 1000

    public let scene: MapScene
    public let labels: Labels

    public init(scene: MapScene, labels: Labels) {
        self.scene = scene
        self.labels = labels
    }

    /// Half the side of the square map area, in metres: the outer circle with some room.
    public var extentMetres: Double { (scene.outerRadiusMetres * 1.15).rounded(.up) }

    /// The SVG position (x, y in the viewBox) of a plane point.
    public static func svgPosition(_ point: MapPoint) -> (x: Double, y: Double) {
        (point.eastMetres, -point.northMetres)
    }

    /// The whole document.
    public func document() -> String {
        let e = extentMetres
        let legendWidth = e * 1.05
        let totalWidth = 2 * e + legendWidth
        let font = e / 22
        let pixelHeight = Int((Double(Self.pixelWidth) * 2 * e / totalWidth).rounded())
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Self.pixelWidth)" height="\(pixelHeight)" \
        viewBox="\(n(-e)) \(n(-e)) \(n(totalWidth)) \(n(2 * e))" font-family="\(XMLText.escaped(Self.fontFamily))">
        <title>\(XMLText.escaped(labels.title))</title>
        <desc>\(XMLText.escaped((labels.provenance + [labels.boundaries]).joined(separator: " ")))</desc>
        <style>.l{vector-effect:non-scaling-stroke;fill:none}</style>
        <rect x="\(n(-e))" y="\(n(-e))" width="\(n(totalWidth))" height="\(n(2 * e))" fill="#ffffff"/>
        <clipPath id="map"><rect x="\(n(-e))" y="\(n(-e))" width="\(n(2 * e))" height="\(n(2 * e))"/></clipPath>
        <g clip-path="url(#map)">

        """
        out += "<g id=\"boundaries\">\n"
        for ring in scene.districtRings {
            out += "<polygon class=\"l\" stroke=\"#555555\" stroke-width=\"1.6\" points=\"\(points(ring))\"/>\n"
        }
        for subdistrict in scene.subdistricts {
            for ring in subdistrict.rings {
                out += "<polygon class=\"l\" stroke=\"#999999\" stroke-width=\"1\" stroke-dasharray=\"4 3\" points=\"\(points(ring))\"><title>\(XMLText.escaped(subdistrict.name))</title></polygon>\n"
            }
        }
        out += "</g>\n<g id=\"overlays\">\n"
        for ring in scene.overlays {
            out += "<polygon stroke=\"#c00000\" fill=\"#c00000\" fill-opacity=\"0.15\" vector-effect=\"non-scaling-stroke\" points=\"\(points(ring))\"/>\n"
        }
        out += "</g>\n<g id=\"circles\">\n"
        for circle in scene.circles {
            let width = circle.isCurrent ? "2.5" : "1"
            out += "<polygon class=\"l\" stroke=\"#333333\" stroke-width=\"\(width)\" data-radius-m=\"\(n(circle.radiusMetres))\" points=\"\(points(circle.ring))\"/>\n"
        }
        out += "</g>\n<g id=\"points\">\n"
        let r = e / 130
        for marker in scene.markers.reversed() {   // nearest drawn last, on top
            let (x, y) = Self.svgPosition(marker.position)
            let colour = DomainPalette.hexColour(domainIndex: marker.domainIndex)
            let paint = marker.isSample
                ? "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.5\""
                : "fill=\"\(colour)\" stroke=\"#333333\" stroke-width=\"0.5\""
            out += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint) vector-effect=\"non-scaling-stroke\" data-id=\"\(XMLText.escaped(marker.pointID))\"><title>\(XMLText.escaped(labels.pointTitle(marker)))</title></circle>\n"
        }
        out += "</g>\n"
        // The origin: a ring with a cross.
        let o = e / 60
        out += """
        <g id="origin" data-lat="\(scene.projection.origin.latitude)" data-lng="\(scene.projection.origin.longitude)" stroke="#000000" stroke-width="2" fill="none"><title>\(XMLText.escaped(labels.origin))</title>\
        <circle class="l" cx="0" cy="0" r="\(n(o))"/>\
        <line class="l" x1="\(n(-2 * o))" y1="0" x2="\(n(2 * o))" y2="0"/><line class="l" x1="0" y1="\(n(-2 * o))" x2="0" y2="\(n(2 * o))"/></g>
        </g>

        """
        // North arrow and scale bar inside the map square.
        let nx = -e + font * 1.5, ny = -e + font * 1.2
        out += """
        <g id="north"><path d="M \(n(nx)) \(n(ny + font * 1.6)) L \(n(nx)) \(n(ny)) M \(n(nx - font * 0.4)) \(n(ny + font * 0.5)) L \(n(nx)) \(n(ny)) L \(n(nx + font * 0.4)) \(n(ny + font * 0.5))" class="l" stroke="#000000" stroke-width="1.5"/>\
        <text x="\(n(nx + font * 0.6))" y="\(n(ny + font))" font-size="\(n(font))">N</text></g>

        """
        let bar = Self.scaleBarMetres(maximum: e * 0.6)
        let bx = -e + font, by = e - font * 1.2
        out += """
        <g id="scale" stroke="#000000" stroke-width="1.5"><path class="l" d="M \(n(bx)) \(n(by - font * 0.4)) L \(n(bx)) \(n(by)) L \(n(bx + bar)) \(n(by)) L \(n(bx + bar)) \(n(by - font * 0.4))"/>\
        <text x="\(n(bx + bar + font * 0.4))" y="\(n(by))" font-size="\(n(font))" stroke="none">\(n(bar))\(XMLText.escaped(labels.metreUnit))</text></g>

        """
        // The legend, right of the map.
        var y = -e + font * 1.6
        let lx = e + font
        out += "<g id=\"legend\" font-size=\"\(n(font))\">\n"
        out += "<text x=\"\(n(lx))\" y=\"\(n(y))\" font-size=\"\(n(font * 1.25))\" font-weight=\"bold\">\(XMLText.escaped(labels.title))</text>\n"
        y += font * 1.5
        out += "<text x=\"\(n(lx))\" y=\"\(n(y))\">\(XMLText.escaped(labels.subtitle))</text>\n"
        y += font * 1.8
        for (index, name) in labels.domainNames.enumerated() {
            out += "<circle cx=\"\(n(lx + font * 0.4))\" cy=\"\(n(y - font * 0.35))\" r=\"\(n(font * 0.35))\" fill=\"\(DomainPalette.hexColour(domainIndex: index))\"/>"
            out += "<text x=\"\(n(lx + font * 1.2))\" y=\"\(n(y))\">\(XMLText.escaped(name))</text>\n"
            y += font * 1.4
        }
        y += font * 0.4
        out += "<circle cx=\"\(n(lx + font * 0.4))\" cy=\"\(n(y - font * 0.35))\" r=\"\(n(font * 0.35))\" fill=\"#808080\" stroke=\"#333333\"/>"
        out += "<text x=\"\(n(lx + font * 1.2))\" y=\"\(n(y))\">\(XMLText.escaped(labels.reference))</text>\n"
        y += font * 1.4
        out += "<circle cx=\"\(n(lx + font * 0.4))\" cy=\"\(n(y - font * 0.35))\" r=\"\(n(font * 0.35))\" fill=\"#ffffff\" stroke=\"#808080\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"/>"
        out += "<text x=\"\(n(lx + font * 1.2))\" y=\"\(n(y))\">\(XMLText.escaped(labels.sample))</text>\n"
        y += font * 1.4
        out += "<text x=\"\(n(lx))\" y=\"\(n(y))\">\(XMLText.escaped(labels.circles))</text>\n"
        y += font * 1.4
        out += "<text x=\"\(n(lx))\" y=\"\(n(y))\" font-size=\"\(n(font * 0.8))\">\(XMLText.escaped(labels.boundaries))</text>\n"
        y += font * 1.6
        for line in labels.provenance {
            out += "<text x=\"\(n(lx))\" y=\"\(n(y))\" font-size=\"\(n(font * 0.7))\" fill=\"#444444\">\(XMLText.escaped(line))</text>\n"
            y += font * 1.0
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// A round scale-bar length (1, 2 or 5 × 10ⁿ metres) not longer than `maximum`.
    public static func scaleBarMetres(maximum: Double) -> Double {
        guard maximum > 1 else { return 1 }
        var unit = 1.0
        while unit * 10 <= maximum { unit *= 10 }
        for step in [5.0, 2.0, 1.0] where unit * step <= maximum { return unit * step }
        return unit
    }

    private func points(_ ring: [MapPoint]) -> String {
        ring.map { point in
            let (x, y) = Self.svgPosition(point)
            return "\(n(x)),\(n(y))"
        }.joined(separator: " ")
    }

    /// Metres with at most two decimals (a centimetre is far below what a drawing shows).
    private func n(_ value: Double) -> String { Self.number(value) }

    /// A coordinate written with two decimals, trailing zeros dropped, never "-0".
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
