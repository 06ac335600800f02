import ArgumentParser
import Catalogue
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Share of each subdistrict's area within 500/1000/1500 m of a service point, and how unequal the subdistricts are.",
        discussion: """
        A grid of square cells (50 m, --cell 10 to 1000) is laid over the district; each cell whose centre is inside \
        the boundary takes the straight-line WGS-84 distance from its centre to the nearest located point of each \
        domain (or type), as nearby measures it. Shares are by area: population weighting waits for population data. \
        Subdistrict polygons are hand-drawn approximations; cells in none are reported as unassigned (未归属). \
        Figures marked as resting on sample data (样例数据，不作结论) are not findings. \
        --by subdistrict (default) takes --format table, json or csv; --by grid takes geojson, csv or json. \
        See docs/coverage.md.
        """
    )

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case subdistrict, grid
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, geojson
    }

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Figures by subdistrict (default) or the grid's cells.") var by: Grouping = .subdistrict
    @Option(help: ArgumentHelp("Radius in metres: 500, 1000 (default), 1500 or all.", valueName: "metres")) var radius: String = "1000"
    @Option(help: "Only this domain (id such as D4, or name).") var domain: String?
    @Option(help: "Figures per point type instead of per domain: a type (id such as shekang, or name), or all.") var type: String?
    @Option(help: ArgumentHelp("Cell side in metres, 10 to 1000 (default 50).", valueName: "metres")) var cell: Double = CoverageGrid.defaultCellMetres
    @Option(name: .customLong("min-share"), help: ArgumentHelp("List as gaps the figures below this share, 0 to 1 (default 0.8).", valueName: "share"))
    var minShare: Double = 0.8
    @Option(help: "Output format: table, json or csv (--by subdistrict); geojson, csv or json (--by grid).") var format: Format?

    func run() throws {
        let lang = options.lang
        let radii: [Double]
        switch radius.lowercased() {
        case "all": radii = CoverageAnalysis.standardRadiiMetres
        case "500", "1000", "1500": radii = [Double(radius) ?? 1000]
        default:
            throw CLIError.usage(lang.pick("半径“\(radius)”不可用；请用 500、1000、1500 或 all",
                                           "radius \"\(radius)\" is not available; use 500, 1000, 1500 or all"))
        }
        guard CoverageGrid.cellMetresRange.contains(cell) else {
            throw CLIError.usage(lang.pick("网格边长 \(cell) 米超出范围；请用 10 到 1000 米", "cell side \(cell) m is out of range; use 10 to 1000 m"))
        }
        guard (0...1).contains(minShare) else {
            throw CLIError.usage(lang.pick("--min-share \(minShare) 超出范围；请用 0 到 1 之间的比例，如 0.8", "--min-share \(minShare) is out of range; give a share from 0 to 1, such as 0.8"))
        }
        if domain != nil && type != nil {
            throw CLIError.usage(lang.pick("--domain 与 --type 只能选一个", "give --domain or --type, not both"))
        }
        let chosen = format ?? (by == .grid ? .geojson : .table)
        let allowed: [Format] = by == .grid ? [.geojson, .csv, .json] : [.table, .json, .csv]
        guard allowed.contains(chosen) else {
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            throw CLIError.usage(lang.pick("--by \(by.rawValue) 不支持 --format \(chosen.rawValue)；可用：\(list)",
                                           "--by \(by.rawValue) does not take --format \(chosen.rawValue); use \(list)"))
        }
        let catalogue = try options.open().catalogue
        if catalogue.boundary.polygons.isEmpty {
            throw CLIError.data(lang.pick("目录没有区界（boundary.geojson），无法计算覆盖", "the catalogue has no district boundary (boundary.geojson); coverage needs one"))
        }
        let layers: [CoverageLayer]
        if let type, type.lowercased() == "all" {
            layers = catalogue.pointTypes.map { .type($0.id) }
        } else {
            let filters = try options.filters(domain: domain, pointType: type, in: catalogue)
            if let id = filters.domainID { layers = [.domain(id)] }
            else if let id = filters.pointTypeID { layers = [.type(id)] }
            else { layers = catalogue.domains.map { .domain($0.id) } }
        }
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries, cellMetres: cell)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: layers)
        let output = CoverageOutput(analysis: analysis, radii: radii, minShare: minShare, lang: lang)
        switch (by, chosen) {
        case (.subdistrict, .table): print(output.table())
        case (.subdistrict, .json): print(output.json().rendered())
        case (.subdistrict, _): print(output.figureTable().csv())
        case (.grid, .geojson): output.writeGridGeoJSON()
        case (.grid, .csv): output.writeGridCSV()
        case (.grid, _): output.writeGridJSON()
        }
    }
}
