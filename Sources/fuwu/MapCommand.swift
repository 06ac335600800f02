import ArgumentParser
import BrowserUI
import Catalogue
import CatalogueStore
import Foundation
import Geodesy
import ServiceMap

/// `fuwu map`: the nearby answer as a picture, Braille text or a standalone SVG document.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the service points and the 500/1000/1500 m circles around a place, as Braille text or SVG.",
        discussion: """
        LOCATION is read exactly as `fuwu nearby` reads it. The map is north up, on a local metric plane at \
        the origin; circles are true geodesic circles on WGS-84. Text output draws 2×4 Braille dots per \
        character with a digit 1–9 for each domain's points (--ascii: `.` boundary, `+` circles, `#` the \
        current circle, digits for points, `@` where you are). SVG output is a standalone document with a \
        legend, a scale bar and a hover title per point; sample points are drawn hollow.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, svg
    }

    @OptionGroup var options: CatalogueOptions
    @Option(help: ArgumentHelp("Where to look from: coordinates, metro station, service point or subdistrict.", valueName: "location"))
    var at: String
    @Option(help: ArgumentHelp("Datum of coordinates given with --at: wgs84, gcj02 or bd09.", valueName: "datum"))
    var datum: String = "wgs84"
    @Flag(name: .customLong("lng-lat"), help: "Coordinates are longitude first (114.0579,22.5431).")
    var longitudeFirst = false
    @Option(parsing: .unconditional, help: ArgumentHelp("The emphasised circle in metres: 500, 1000 (default), 1500 or any value from 1 to 50000.", valueName: "metres"))
    var radius: Double?
    @Option(help: "Only points of this domain (id such as D4, or name such as 病有良医).") var domain: String?
    @Option(help: "Only points that provide this item (id or exact name).") var item: String?
    @Option(help: "Only points of this type (id such as shekang, or name such as 社康中心).") var type: String?
    @Option(help: ArgumentHelp("Text size in columns and rows, e.g. 100x30 (default: the terminal, or 80x24).", valueName: "COLSxROWS"))
    var size: String?
    @Option(name: .customLong("cell-aspect"), help: ArgumentHelp("A terminal cell's width to height, e.g. 1:2 (default) or 0.45.", valueName: "W:H"))
    var cellAspect: CellAspect = CellAspect(ratio: BrowserOptions.defaultCellAspect)
    @Flag(help: "Text output in plain ASCII instead of Braille dots.")
    var ascii = false
    @Option(help: "Output format: text (default) or svg.") var format: Format = .text

    /// The smallest text map that still shows something useful.
    static let minimumSize = (columns: 20, rows: 6)

    func validate() throws {
        if let size, Self.parseSize(size) == nil {
            throw ValidationError(options.lang.pick(
                "--size 须为“列x行”，如 100x30，至少 \(Self.minimumSize.columns)x\(Self.minimumSize.rows)，最大 1000x1000",
                "--size must be COLSxROWS such as 100x30, at least \(Self.minimumSize.columns)x\(Self.minimumSize.rows) and at most 1000x1000"))
        }
    }

    /// "100x30" → (100, 30), within the allowed sizes.
    static func parseSize(_ text: String) -> (columns: Int, rows: Int)? {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (minimumSize.columns...1000).contains(columns), (minimumSize.rows...1000).contains(rows) else { return nil }
        return (columns, rows)
    }

    func run() throws {
        let lang = options.lang
        guard let readDatum = Datum(loose: datum) else {
            throw CLIError.usage(lang.pick("未知坐标系“\(datum)”；可用：wgs84、gcj02、bd09",
                                           "unknown datum \"\(datum)\"; use wgs84, gcj02 or bd09"))
        }
        let opened = try options.open()
        let catalogue = opened.catalogue
        let radiusMetres = radius ?? 1000
        let location: ResolvedLocation
        let filters: TypedFilters
        let result: NearbyResult
        let index = NearbyIndex(catalogue: catalogue)
        let places = StoredPlaceNames(opened)
        do {
            location = try NearbyCommand.resolve(at, datum: readDatum, longitudeFirst: longitudeFirst, in: catalogue,
                                                 savedPlaces: StateAccess.savedPlaces(lang: lang), places: places.table)
            filters = try TypedFilters(domain: domain, item: item, pointType: type, in: catalogue)
            let query = try NearbyQuery(origin: location.origin, radiusMetres: radiusMetres, domainID: filters.domainID,
                                        itemID: filters.itemID, pointTypeID: filters.pointTypeID)
            result = index.query(query)
        } catch {
            try places.throwDamage()
            throw CLIError(error, lang: lang)
        }
        try places.throwDamage()
        let language: InterfaceLanguage = lang == .en ? .english : .chinese
        let reach = format == .svg ? max(radiusMetres, 1500) * 1.15 * 2.squareRoot() : NearbyQuery.radiusRangeMetres.upperBound
        let scene = NearbyMapScene.scene(catalogue: catalogue, index: index, origin: location.origin, radiusMetres: radiusMetres,
                                         domainID: filters.domainID, itemID: filters.itemID, pointTypeID: filters.pointTypeID,
                                         reachMetres: reach, language: language)
        let place = lang.pick(location.chineseLabel, location.englishLabel)
        let filterText = filterDescription(filters, catalogue: catalogue)
        switch format {
        case .text:
            print(text(scene, place: place, filterText: filterText, inside: result.totalWithinRadius,
                       radiusMetres: radiusMetres, catalogue: catalogue, language: language), terminator: "")
        case .svg:
            print(svg(scene, place: place, filterText: filterText, inside: result.totalWithinRadius, radiusMetres: radiusMetres,
                      catalogue: catalogue, hasSubdistricts: !scene.subdistricts.isEmpty), terminator: "")
        }
    }

    func filterDescription(_ filters: TypedFilters, catalogue: ServiceCatalogue) -> String {
        var parts: [String] = []
        if let id = filters.domainID { parts.append(catalogue.domain(id)?.name ?? id) }
        if let id = filters.itemID { parts.append(catalogue.item(id)?.name ?? id) }
        if let id = filters.pointTypeID {
            parts.append(catalogue.pointType(id).map { options.lang == .zh ? $0.name : $0.nameEnglish } ?? id)
        }
        return parts.joined(separator: " + ")
    }

    /// The text map: a heading line, then the canvas (legend from 80×24 up).
    func text(_ scene: MapScene, place: String, filterText: String, inside: Int, radiusMetres: Double,
              catalogue: ServiceCatalogue, language: InterfaceLanguage) -> String {
        let lang = options.lang
        let (columns, rows) = size.flatMap(Self.parseSize) ?? Self.terminalSize() ?? (80, 24)
        var screen = Screen(width: columns, height: rows)
        let metres = Int(radiusMetres.rounded())
        var heading = lang.pick("\(place) · \(metres) 米内 \(inside) 个", "\(place) · \(inside) within \(metres) m")
        if !filterText.isEmpty { heading += " · " + filterText }
        screen.putPadded(heading, row: 0, column: 0, columns: columns, style: .title)
        let viewport = MapViewport.fitting(radiusMetres: radiusMetres, columns: columns, rows: rows - 1, cellAspect: cellAspect.ratio)
        let legend = columns >= 80 && rows >= 24
            ? MapLegend(heading: lang.pick("图例", "Legend"), domainNames: catalogue.domains.map(\.name), language: language,
                        radiusMetres: metres, hasSubdistricts: !scene.subdistricts.isEmpty,
                        hasOfficial: scene.markers.contains(where: \.isOfficial))
            : nil
        MapPicture.draw(scene, viewport: viewport, glyphs: MapPicture.Glyphs(ascii: ascii, domainColours: false),
                        language: language, legend: legend, into: &screen, top: 1, left: 0)
        return screen.text + "\n"
    }

    /// The standalone SVG document.
    func svg(_ scene: MapScene, place: String, filterText: String, inside: Int, radiusMetres: Double,
             catalogue: ServiceCatalogue, hasSubdistricts: Bool) -> String {
        let lang = options.lang
        let metres = Int(radiusMetres.rounded())
        let sources = "\(catalogue.metadata.name) \(catalogue.metadata.version)"
        let samples = scene.markers.filter(\.isSample).count
        let officials = scene.markers.filter(\.isOfficial).count
        let references = scene.markers.count - samples - officials
        var subtitle = lang.pick("\(place) · \(metres) 米内 \(inside) 个服务点", "\(place) · \(inside) points within \(metres) m")
        if !filterText.isEmpty { subtitle += " · " + filterText }
        let labels = MapSVG.Labels(
            title: lang.pick("福田区基本公共服务 · 附近地图", "Futian public services · nearby map"),
            subtitle: subtitle,
            domainNames: catalogue.domains.map(\.name),
            reference: officials > 0 ? lang.pick("官方/参考数据（实心）", "official/reference data (filled)")
                : lang.pick("参考数据（实心）", "reference data (filled)"),
            sample: lang.pick("样例数据（空心，非真实）", "sample data (hollow, not real)"),
            origin: lang.pick("我在哪里：", "Where I am: ") + place,
            circles: lang.pick("圆：500 / 1000 / 1500 米（WGS-84 大地测量圆，直线距离）",
                               "Circles: 500 / 1000 / 1500 m (WGS-84 geodesic, straight line)"),
            boundaries: hasSubdistricts
                ? lang.pick("区界：DataV；街道边界为手绘近似，仅供参考", "District: DataV; subdistrict boundaries are hand-drawn approximations")
                : lang.pick("区界：DataV 福田区边界（GCJ-02 转 WGS-84）", "District boundary: DataV (GCJ-02 converted to WGS-84)"),
            provenance: [lang.pick("数据：", "Data: ") + sources,
                         officials > 0
                            ? lang.pick("图中官方点 \(officials) 个，参考点 \(references) 个，样例点 \(samples) 个",
                                        "\(officials) official, \(references) reference and \(samples) sample points drawn")
                            : lang.pick("图中参考点 \(references) 个，样例点 \(samples) 个", "\(references) reference and \(samples) sample points drawn"),
                         lang.pick("样例点为生成的示例，不是真实信息。", "Sample points are generated examples, not real information."),
                         lang.pick("由 fuwu map 生成", "Made by fuwu map")],
            metreUnit: lang.pick(" 米", " m"),
            pointTitle: { marker in
                let distance = Int(marker.distanceMetres.rounded())
                let sample = marker.isSample ? lang.pick("（样例）", " (sample)") : ""
                return "\(marker.name)\(sample) · \(marker.typeName) · " + lang.pick("\(distance) 米", "\(distance) m")
            })
        return MapSVG(scene: scene, labels: labels).document()
    }

    /// The terminal's size when standard output is one.
    static func terminalSize() -> (columns: Int, rows: Int)? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= UInt16(minimumSize.columns),
              size.ws_row >= UInt16(minimumSize.rows) else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
