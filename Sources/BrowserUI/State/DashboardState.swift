import Catalogue

/// The 各街道均等化 page: the coverage of every domain over the grid, computed when the page is
/// first opened, the figures at each standard radius, and the selected cell.
struct DashboardState: Sendable {
    /// Nearest distances of every domain over the 50 m grid; nil until the page first opens.
    var analysis: CoverageAnalysis?
    /// figures[radius][domain][row]: the subdistrict polygons in order, then 未归属.
    var figures: [[[CoverageFigure]]] = []
    /// Index into `CoverageAnalysis.standardRadiiMetres` (1000 m to start).
    var radiusIndex = 1
    /// The selected domain column.
    var column = 0

    var radiusMetres: Double { CoverageAnalysis.standardRadiiMetres[radiusIndex] }

    /// Computes the analysis and the figures at every standard radius.
    static func compute(_ catalogue: ServiceCatalogue) -> DashboardState {
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: catalogue.domains.map { .domain($0.id) })
        var state = DashboardState()
        state.analysis = analysis
        state.figures = CoverageAnalysis.standardRadiiMetres.map { radius in
            analysis.layers.indices.map { analysis.figures(layer: $0, radiusMetres: radius) }
        }
        return state
    }

    /// The figures of the current radius, [domain][row].
    var current: [[CoverageFigure]] { figures.indices.contains(radiusIndex) ? figures[radiusIndex] : [] }
    /// Rows of the table: one per subdistrict polygon and 未归属.
    var rowCount: Int { current.first?.count ?? 0 }
}
