import Catalogue
import ServiceMap

extension BrowserState {
    /// Opens the 各街道均等化 page; the figures are computed once per catalogue, usually on
    /// another core after the first frame (`BrowserContext.warmUp`).
    mutating func showDashboard() {
        guard !catalogue.boundary.polygons.isEmpty else {
            message = language.pick("目录没有区界，无法计算覆盖", "The catalogue has no district boundary; coverage needs one")
            return
        }
        if dashboard.layers.isEmpty { dashboard = context.coverage.value }
        push(.dashboard)
    }

    /// Moves the selected domain column.
    mutating func moveDashboardColumn(by delta: Int) {
        let count = dashboard.current.count
        guard count > 0 else { return }
        dashboard.column = max(0, min(count - 1, dashboard.column + delta))
    }

    /// Sets the dashboard's radius to a standard one.
    mutating func setDashboardRadius(_ metres: Int) {
        if let index = CoverageAnalysis.standardRadiiMetres.firstIndex(of: Double(metres)) { dashboard.radiusIndex = index }
    }

    /// Opens the gaps of the selected subdistrict and domain.
    mutating func openDashboardCell() {
        let row = positions[Page.dashboard.positionKey]?.cursor ?? 0
        let figures = dashboard.current
        guard figures.indices.contains(dashboard.column), figures[dashboard.column].indices.contains(row) else { return }
        // The full coverage, usually built on another core since the dashboard opened.
        if dashboard.analysis == nil { dashboard.analysis = context.coverageAnalysis.value }
        push(.coverageGaps(row: row, column: dashboard.column))
    }

    /// `m` on a gaps page: the map of the layer's points at the dashboard's radius, centred on
    /// the largest uncovered patch, with every listed patch outlined.
    mutating func showCoverageGapsOnMap(row: Int, column: Int) {
        guard let analysis = dashboard.analysis, analysis.layers.indices.contains(column) else { return }
        let subdistrictIndex = row < analysis.grid.subdistricts.count ? row : -1
        let patches = analysis.patches(layer: column, radiusMetres: dashboard.radiusMetres, subdistrict: subdistrictIndex, limit: 5)
        guard let largest = patches.first else {
            message = language.pick("这里没有未覆盖片区，无需看地图", "Nothing is uncovered here; there is nothing to map")
            return
        }
        nearby.radiusMetres = Int(dashboard.radiusMetres)
        switch analysis.layers[column] {
        case .domain(let id): nearby.filter = .domain(id: id)
        case .type(let id): nearby.filter = .pointType(id: id)
        }
        setOrigin(.coordinate(largest.centre, .wgs84))
        showMap(overlays: patches.enumerated().map { k, patch in
            MapOutline(name: language.pick("未覆盖片区 \(k + 1)", "uncovered patch \(k + 1)"), rings: analysis.outline(of: patch))
        })
    }

    /// The lines of the gaps page: the shares at every radius, the uncovered patches at the
    /// current radius, and what the figures rest on.
    func coverageGapLines(row: Int, column: Int) -> [SheetRow] {
        guard let analysis = dashboard.analysis, dashboard.figures.allSatisfy({ $0.indices.contains(column) && $0[column].indices.contains(row) }) else { return [] }
        let layer = analysis.layers[column]
        let subdistrictIndex = row < analysis.grid.subdistricts.count ? row : -1
        let name = subdistrictIndex >= 0 ? analysis.grid.subdistricts[subdistrictIndex].name : language.pick("未归属（不在任何街道多边形内）", "unassigned (in no polygon)")
        var rows = [SheetRow("\(name) · \(layer.id) \(layer.name(in: catalogue, english: language == .english))", style: .title), SheetRow("")]
        rows.append(SheetRow(language.pick("半径     面积比例   未覆盖km²", "radius     share   uncovered km²"), style: .dim))
        var restsOnSample = false
        for (r, radius) in CoverageAnalysis.standardRadiiMetres.enumerated() {
            let f = dashboard.figures[r][column][row]
            restsOnSample = restsOnSample || f.restsOnSample
            let share = f.share.map { String(format: "%5.1f%%", $0 * 100) } ?? "    —"
            let uncovered = String(format: "%.2f", (f.areaSquareMetres - f.coveredSquareMetres) / 1_000_000)
            let gap = (f.share ?? 1) < Self.gapShare && subdistrictIndex >= 0 ? language.pick("  缺口", "  gap") : ""
            let mark = f.restsOnSample ? "*" : " "
            let radiusText = String(format: "%4d", Int(radius))
            rows.append(SheetRow(language.pick("\(radiusText) 米  \(share)\(mark)  \(uncovered)\(gap)", "\(radiusText) m  \(share)\(mark)  \(uncovered)\(gap)"),
                                 style: gap.isEmpty ? .normal : .warning))
        }
        rows.append(SheetRow(""))
        let metres = Int(dashboard.radiusMetres)
        let patches = analysis.patches(layer: column, radiusMetres: dashboard.radiusMetres, subdistrict: subdistrictIndex, limit: 5)
        rows.append(SheetRow(language.pick("\(metres) 米外的未覆盖片区（最大 \(patches.count) 个，中心为近似）",
                                           "Uncovered beyond \(metres) m (largest \(patches.count), centres approximate)"), style: .title))
        if patches.isEmpty { rows.append(SheetRow(language.pick("  没有", "  none"))) }
        for (k, p) in patches.enumerated() {
            rows.append(SheetRow(String(format: "  %d. %.2f km²  %.5f,%.5f", k + 1, p.areaSquareMetres / 1_000_000, p.centre.latitude, p.centre.longitude)))
        }
        rows.append(SheetRow(""))
        let f = dashboard.figures[dashboard.radiusIndex][column][row]
        let official = f.officialPoints > 0 ? language.pick("官方 \(f.officialPoints) 个，", "\(f.officialPoints) official, ") : ""
        rows.append(SheetRow(language.pick("覆盖本行的最近点：\(official)参考 \(f.referencePoints) 个，样例 \(f.samplePoints) 个",
                                           "nearest points covering it: \(official)\(f.referencePoints) reference, \(f.samplePoints) sample")))
        if restsOnSample { rows.append(SheetRow(language.pick("* 样例数据，不作结论", "* rests on sample data: not a finding (样例数据，不作结论)"), style: .warning)) }
        let unlocated = analysis.unlocatedPoints[column].count
        if unlocated > 0 {
            rows.append(SheetRow(language.pick("本领域位置未知、未计入的服务点 \(unlocated) 个", "\(unlocated) points of this domain have no location and are not counted"), style: .dim))
        }
        rows.append(SheetRow(language.pick("按面积计（人口数据暂缺）；直线距离；街道边界为手绘近似", "by area (no population data); straight-line distance; boundaries hand-drawn"), style: .dim))
        return rows
    }

    /// Shares below this are called gaps on the gaps page (as `fuwu coverage --min-share` defaults).
    static let gapShare = 0.8
}
