import ChineseText
import ServiceMap

/// Draws a map scene into a region of a screen: the Braille (or ASCII) canvas, north, a scale
/// bar and optionally the legend. The browser's map page and `fuwu map` both draw with it.
public enum MapPicture {
    /// How cells are drawn.
    public struct Glyphs: Sendable {
        /// Plain characters (`.` boundary, `+` circle, `#` current circle, `o` point, `@` origin)
        /// instead of Braille dots.
        public var ascii: Bool
        /// Points keep their dots and take their domain's colour; false: the domain's digit 1–9
        /// (a letter a–i for sample data).
        public var domainColours: Bool

        public init(ascii: Bool, domainColours: Bool) {
            self.ascii = ascii
            self.domainColours = domainColours
        }
    }

    /// Draws `scene` as seen through `viewport` with its top-left cell at (top, left).
    public static func draw(_ scene: MapScene, viewport: MapViewport, selectedPointID: String? = nil,
                            glyphs: Glyphs, language: InterfaceLanguage, legend: MapLegend?,
                            into screen: inout Screen, top: Int, left: Int) {
        let raster = scene.raster(viewport, selectedPointID: selectedPointID)
        for row in 0..<raster.rows {
            for column in 0..<raster.columns {
                let layer = raster.layer(row: row, column: column)
                guard layer != .empty else { continue }
                let (character, style) = cell(raster, row: row, column: column, layer: layer, glyphs: glyphs)
                screen.putGlyph(character, row: top + row, column: left + column, style: style)
            }
        }
        guard viewport.columns >= 8, viewport.rows >= 3 else { return }
        // North up.
        screen.put(glyphs.ascii ? "^N" : "↑N", row: top, column: left, style: .title)
        // Scale bar on the last row.
        let columnsAvailable = max(2, min(viewport.columns / 3, 24))
        let barMetres = MapSVG.scaleBarMetres(maximum: Double(columnsAvailable) * viewport.metresPerColumn)
        let barColumns = max(2, Int((barMetres / viewport.metresPerColumn).rounded()))
        let bar = glyphs.ascii ? "|" + String(repeating: "-", count: max(0, barColumns - 2)) + "|"
            : "├" + String(repeating: "─", count: max(0, barColumns - 2)) + "┤"
        let label = " " + metres(barMetres, language)
        let barRow = top + viewport.rows - 1
        screen.put(bar + label, row: barRow, column: left, style: .title, maxColumns: viewport.columns)
        if let legend { drawLegend(legend, glyphs: glyphs, into: &screen, top: top, left: left, viewport: viewport) }
    }

    /// The glyph and style of one canvas cell.
    static func cell(_ raster: BrailleRaster, row: Int, column: Int, layer: MapLayer, glyphs: Glyphs) -> (Character, Style) {
        let tag = raster.tag(row: row, column: column)
        let braille = raster.character(row: row, column: column)
        switch layer {
        case .empty: return (" ", .normal)
        case .boundary: return (glyphs.ascii ? "." : braille, .mapBoundary)
        case .overlay: return (glyphs.ascii ? "x" : braille, .mapOverlay)
        case .circle: return (glyphs.ascii ? "+" : braille, .mapCircle)
        case .currentCircle: return (glyphs.ascii ? "#" : braille, .mapCurrentCircle)
        case .origin: return ("@", .mapOrigin)
        case .point, .nearestPoint, .selectedPoint:
            let domain = tag >= 0 ? Int(tag / 2) : -1
            let sample = tag >= 0 && tag % 2 == 1
            let style = Style.mapPoint(domainIndex: domain, sample: sample)
            let glyph: Character = glyphs.domainColours ? (glyphs.ascii ? "o" : braille)
                : DomainPalette.mark(domainIndex: domain, sample: sample)
            return (glyph, layer == .selectedPoint ? .selected : style)
        }
    }

    static func metres(_ value: Double, _ language: InterfaceLanguage) -> String {
        let whole = Int(value.rounded())
        if whole >= 1000, whole % 1000 == 0 { return language.pick("\(whole / 1000) 公里", "\(whole / 1000) km") }
        return language.pick("\(whole) 米", "\(whole) m")
    }

    /// The legend, in a box at the top right of the canvas.
    static func drawLegend(_ legend: MapLegend, glyphs: Glyphs, into screen: inout Screen, top: Int, left: Int,
                           viewport: MapViewport) {
        let language = legend.language
        var lines: [[(String, Style)]] = [[(legend.heading, .title)]]
        lines.append([("@ ", .mapOrigin), (language.pick("我在哪里", "where I am"), .normal)])
        for (index, name) in legend.domainNames.enumerated() {
            let glyph = glyphs.domainColours ? (glyphs.ascii ? "o " : "⣿ ")
                : "\(DomainPalette.mark(domainIndex: index, sample: false))\(DomainPalette.mark(domainIndex: index, sample: true)) "
            lines.append([(glyph, Style.mapPoint(domainIndex: index, sample: false)), (name, .normal)])
        }
        let real = legend.hasOfficial ? language.pick("官方/参考数据", "official/reference") : language.pick("参考数据", "reference")
        if glyphs.domainColours {
            let glyph = glyphs.ascii ? "o " : "⣿ "
            lines.append([(glyph, Style.mapPoint(domainIndex: 0, sample: false)), (real + language.pick("（粗）", " (bold)"), .normal)])
            lines.append([(glyph, Style.mapPoint(domainIndex: 0, sample: true)), (language.pick("样例数据（暗）", "sample (dim)"), .dim)])
        } else {
            lines.append([("1  ", Style.mapPoint(domainIndex: 0, sample: false)), (language.pick("数字：", "digit: ") + real, .normal)])
            lines.append([("a  ", Style.mapPoint(domainIndex: 0, sample: true)), (language.pick("字母：样例数据", "letter: sample"), .dim)])
        }
        let radii = [500, 1000, 1500].map { $0 == legend.radiusMetres ? "[\($0)]" : "\($0)" }
        var radiusText = radii.joined(separator: "/")
        if ![500, 1000, 1500].contains(legend.radiusMetres) { radiusText += " [\(legend.radiusMetres)]" }
        lines.append([(glyphs.ascii ? "+ " : "◌ ", .mapCircle), (radiusText + language.pick(" 米", " m"), .normal)])
        lines.append([(glyphs.ascii ? ". " : "⠤ ", .mapBoundary),
                      (legend.hasSubdistricts ? language.pick("边界（街道为手绘）", "bounds (subdistricts hand-drawn)")
                                              : language.pick("区界", "district boundary"), .dim)])
        if let overlay = legend.overlayName {
            lines.append([(glyphs.ascii ? "x " : "⣿ ", .mapOverlay), (overlay, .normal)])
        }
        let ambiguous = screen.ambiguousWide
        let contentWidth = lines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.0, ambiguousWide: ambiguous) } }.max() ?? 0
        let boxWidth = min(contentWidth + 2, viewport.columns - 4, 34)
        let boxHeight = min(lines.count, viewport.rows - 2)
        guard boxWidth >= 10, boxHeight >= 3 else { return }
        let boxLeft = left + viewport.columns - boxWidth
        screen.fill(row: top, column: boxLeft, height: boxHeight, width: boxWidth, style: .normal)
        for row in 0..<boxHeight {
            screen.put(glyphs.ascii ? "|" : "│", row: top + row, column: boxLeft, style: .border)
            var used = 0
            for (text, style) in lines[row] {
                used += screen.put(text, row: top + row, column: boxLeft + 1 + used, style: style,
                                   maxColumns: max(0, boxWidth - 1 - used))
            }
        }
    }
}
