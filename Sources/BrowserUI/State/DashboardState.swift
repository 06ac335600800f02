import Catalogue

/// The 各街道均等化 page: the figures of every domain at each standard radius (computed once per
/// catalogue, usually on another core after the first frame), the full coverage for the gaps
/// pages (computed when the dashboard is opened), and the selected cell.
struct DashboardState: Sendable {
    /// The columns: one layer per domain, in catalogue order; empty until the page first opens.
    var layers: [CoverageLayer] = []
    /// The grid's subdistrict polygons, in row order (then 未归属).
    var subdistricts: [SubdistrictBoundary] = []
    /// Nearest distances of every domain over the 50 m grid, for the gaps pages: nil until one
    /// first opens.
    var analysis: CoverageAnalysis?
    /// figures[radius][domain][row]: the subdistrict polygons in order, then 未归属.
    var figures: [[[CoverageFigure]]] = []
    /// Index into `CoverageAnalysis.standardRadiiMetres` (1000 m to start).
    var radiusIndex = 1
    /// The selected domain column.
    var column = 0

    var radiusMetres: Double { CoverageAnalysis.standardRadiiMetres[radiusIndex] }

    /// The layers the dashboard shows: every domain.
    static func layers(of catalogue: ServiceCatalogue) -> [CoverageLayer] { catalogue.domains.map { .domain($0.id) } }

    /// Computes the figures at every standard radius one domain at a time, so that only one
    /// domain's distances over the grid are held at once (the full analysis of every domain
    /// holds 2.3 MB for Futian, which a browser that never opens a gaps page need not keep).
    static func compute(_ catalogue: ServiceCatalogue) -> DashboardState {
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries)
        var state = DashboardState()
        state.layers = layers(of: catalogue)
        state.subdistricts = grid.subdistricts
        var figures = CoverageAnalysis.standardRadiiMetres.map { _ in [[CoverageFigure]]() }
        for layer in state.layers {
            let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [layer])
            for (r, radius) in CoverageAnalysis.standardRadiiMetres.enumerated() {
                figures[r].append(analysis.figures(layer: 0, radiusMetres: radius))
            }
        }
        state.figures = figures
        return state
    }

    /// The nearest distances of every domain over the grid at once, for the gaps pages.
    static func analysis(_ catalogue: ServiceCatalogue) -> CoverageAnalysis {
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries)
        return CoverageAnalysis(catalogue: catalogue, grid: grid, layers: layers(of: catalogue))
    }

    /// The figures of the current radius, [domain][row].
    var current: [[CoverageFigure]] { figures.indices.contains(radiusIndex) ? figures[radiusIndex] : [] }
    /// Rows of the table: one per subdistrict polygon and 未归属.
    var rowCount: Int { current.first?.count ?? 0 }
}
