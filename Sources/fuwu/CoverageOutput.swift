import Catalogue
import Foundation
import Geodesy

/// The renderings of one coverage answer: the subdistrict table, JSON and CSV, and the grid as
/// GeoJSON, CSV or JSON.
struct CoverageOutput {
    let analysis: CoverageAnalysis
    let radii: [Double]
    let minShare: Double
    let lang: Language

    /// Marker of figures that rest on sample data, in every format.
    static let sampleNote = "样例数据，不作结论"
    static let patchesPerLayer = 3
    static let unlocatedListed = 5

    var catalogue: ServiceCatalogue { analysis.catalogue }
    var grid: CoverageGrid { analysis.grid }

    static func metres(_ value: Double) -> String { String(Int(value.rounded())) }
    static func percent(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func squareKilometres(_ m2: Double) -> String { String(format: "%.2f", m2 / 1_000_000) }

    func subdistrictName(_ code: String?) -> String {
        guard let code else { return lang.pick("未归属", "unassigned") }
        return catalogue.subdistrict(code)?.name ?? grid.subdistricts.first { $0.code == code }?.name ?? code
    }

    func layerName(_ layer: CoverageLayer) -> String { layer.name(in: catalogue, english: lang == .en) }

    var districtArea: Double { Double(grid.cellCount) * grid.cellAreaSquareMetres }
    var unassignedArea: Double { Double(grid.cellSubdistrict.filter { $0 < 0 }.count) * grid.cellAreaSquareMetres }

    /// Official, reference and sample points over every layer (distinct points), and the unlocated ones.
    var pointTotals: (counts: ProvenanceCounts, unlocated: [ServicePoint]) {
        let located = Set(analysis.locatedPoints.joined())
        let unlocated = Set(analysis.unlocatedPoints.joined()).sorted().map { catalogue.points[$0] }
        return (ProvenanceCounts(located.map { catalogue.points[$0].provenance }), unlocated)
    }

    /// `official_points`, `reference_points` and `sample_points` members.
    static func countMembers(_ c: ProvenanceCounts) -> [(String, JSONOut)] {
        [("official_points", .int(c.official)), ("reference_points", .int(c.reference)), ("sample_points", .int(c.sample))]
    }

    // MARK: - Subdistrict table

    func table() -> String {
        let totals = pointTotals
        var header = FieldList()
        header.add(lang.pick("覆盖", "coverage"), lang.pick("各街道面积中，到最近服务点直线距离在半径以内的比例",
                                                         "share of each subdistrict's area within a straight-line radius of the nearest point"))
        header.add(lang.pick("网格", "grid"), lang.pick("\(Self.metres(grid.cellMetres)) 米方格，区界内 \(grid.cellCount) 格（\(Self.squareKilometres(districtArea)) 平方公里）；按面积计，人口加权需人口数据，暂缺",
                                                       "\(Self.metres(grid.cellMetres)) m cells, \(grid.cellCount) inside the boundary (\(Self.squareKilometres(districtArea)) km²); by area — population weighting waits for population data"))
        header.add(lang.pick("边界", "boundaries"), lang.pick("街道边界为手绘近似；未归属（不在任何街道多边形内）\(Self.squareKilometres(unassignedArea)) 平方公里，单列一行",
                                                            "subdistrict boundaries are hand-drawn approximations; unassigned (in no polygon) \(Self.squareKilometres(unassignedArea)) km², shown as its own row"))
        let c = totals.counts
        let officialText = c.official > 0 ? lang.pick("官方点 \(c.official) 个，", "\(c.official) official, ") : ""
        header.add(lang.pick("数据", "data"), lang.pick("\(officialText)参考点 \(c.reference) 个，样例点 \(c.sample) 个；带 * 的数字依赖样例数据：\(Self.sampleNote)",
                                                     "points: \(officialText)\(c.reference) reference, \(c.sample) sample; figures marked * rest on sample data (\(Self.sampleNote): not a finding)"))
        var sections = [header.rendered()]
        for radius in radii {
            let figures = analysis.layers.indices.map { analysis.figures(layer: $0, radiusMetres: radius) }
            sections.append("")
            sections.append(lang.pick("半径 \(Self.metres(radius)) 米以内的面积比例", "Share of area within \(Self.metres(radius)) m"))
            var headers = [lang.pick("街道", "subdistrict"), lang.pick("面积km²", "km²")]
            headers += analysis.layers.map(\.id)
            var table = TextTable(headers: headers, rightAligned: Set(1..<(analysis.layers.count + 2)))
            for (s, first) in (figures.first ?? []).enumerated() {
                var row = [subdistrictName(first.subdistrictCode), Self.squareKilometres(first.areaSquareMetres)]
                row += figures.map { layer in Self.percent(layer[s].share) + (layer[s].restsOnSample ? "*" : "") }
                table.add(row)
            }
            sections.append(table.rendered())
            sections.append(analysis.layers.map { "\($0.id) \(layerName($0))" }.joined(separator: lang.pick("；", "; ")))

            sections.append("")
            sections.append(lang.pick("均等化（各街道之间，未归属不计）", "Equality across the subdistricts (unassigned cells left out)"))
            var equality = TextTable(headers: [lang.pick("领域", "domain"), lang.pick("最低", "min"), lang.pick("街道", "subdistrict"),
                                               lang.pick("最高", "max"), lang.pick("街道", "subdistrict"), lang.pick("比值", "ratio"),
                                               lang.pick("基尼", "gini")], rightAligned: [1, 3, 5, 6])
            for (l, layer) in analysis.layers.enumerated() {
                guard let e = CoverageEquality(figures: figures[l]) else { continue }
                let mark = e.restsOnSample ? "*" : ""
                equality.add(["\(layer.id) \(layerName(layer))", Self.percent(e.minShare), subdistrictName(e.minSubdistrictCode),
                              Self.percent(e.maxShare), subdistrictName(e.maxSubdistrictCode),
                              e.ratio.map { String(format: "%.2f", $0) } ?? "—", (e.gini.map { String(format: "%.3f", $0) } ?? "—") + mark])
            }
            sections.append(equality.rendered())

            sections.append("")
            let gaps = figures.joined().filter { f in f.subdistrictCode != nil && (f.share.map { $0 < minShare } ?? false) }
            let threshold = Self.percent(minShare)
            if gaps.isEmpty {
                sections.append(lang.pick("没有覆盖率低于 \(threshold) 的街道。", "No subdistrict is below \(threshold)."))
            } else {
                sections.append(lang.pick("缺口：覆盖率低于 \(threshold)", "Gaps: below \(threshold)"))
                var table = TextTable(headers: [lang.pick("街道", "subdistrict"), lang.pick("领域", "domain"), lang.pick("比例", "share"),
                                                lang.pick("未覆盖km²", "uncovered km²")], rightAligned: [2, 3])
                for f in gaps {
                    table.add([subdistrictName(f.subdistrictCode), "\(f.layer.id) \(layerName(f.layer))",
                               Self.percent(f.share) + (f.restsOnSample ? "*" : ""),
                               Self.squareKilometres(f.areaSquareMetres - f.coveredSquareMetres)])
                }
                sections.append(table.rendered())
            }

            sections.append("")
            sections.append(lang.pick("最大的未覆盖片区（每领域至多 \(Self.patchesPerLayer) 个；中心为近似）",
                                      "Largest uncovered patches (up to \(Self.patchesPerLayer) per domain; centres approximate)"))
            var patches = TextTable(headers: [lang.pick("领域", "domain"), lang.pick("面积km²", "km²"), lang.pick("中心（纬度,经度）", "centre (lat,lng)"),
                                              lang.pick("主要街道", "mostly in")], rightAligned: [1])
            for l in analysis.layers.indices {
                for p in analysis.patches(layer: l, radiusMetres: radius, limit: Self.patchesPerLayer) {
                    patches.add(["\(p.layer.id) \(layerName(p.layer))", Self.squareKilometres(p.areaSquareMetres),
                                 String(format: "%.6f,%.6f", p.centre.latitude, p.centre.longitude), subdistrictName(p.subdistrictCode)])
                }
            }
            sections.append(patches.rows.isEmpty ? lang.pick("没有未覆盖的片区。", "No uncovered patch.") : patches.rendered())
        }
        if !totals.unlocated.isEmpty {
            sections.append("")
            let shown = totals.unlocated.prefix(Self.unlocatedListed).map { "\($0.id) \($0.name)" }
            let more = totals.unlocated.count > shown.count ? lang.pick("……（--format json 列出全部）", " … (--format json lists all)") : ""
            sections.append(lang.pick("位置未知、未计入的服务点 \(totals.unlocated.count) 个：", "\(totals.unlocated.count) points have no known location and are not counted: ")
                + shown.joined(separator: lang.pick("、", ", ")) + more)
        }
        return sections.joined(separator: "\n")
    }

    // MARK: - Subdistrict JSON and CSV

    func figureJSON(_ f: CoverageFigure) -> JSONOut {
        .object([
            ("subdistrict", .optional(f.subdistrictCode)), ("subdistrict_name", .string(subdistrictName(f.subdistrictCode))),
            (f.layer.kindKey, .string(f.layer.id)), ("radius_m", .int(Int(f.radiusMetres))),
            ("share", f.share.map { .double($0, decimals: 6) } ?? .null), ("area_m2", .double(f.areaSquareMetres, decimals: 0)),
            ("covered_m2", .double(f.coveredSquareMetres, decimals: 0)),
        ] + Self.countMembers(ProvenanceCounts(official: f.officialPoints, reference: f.referencePoints, sample: f.samplePoints)) + [
            ("sample_based", .bool(f.restsOnSample)), ("note", f.restsOnSample ? .string(Self.sampleNote) : .null),
        ])
    }

    static func pointJSON(_ p: ServicePoint) -> JSONOut {
        .object([("id", .string(p.id)), ("name", .string(p.name)), ("type", .string(p.typeID))])
    }

    func json() -> JSONOut {
        let totals = pointTotals
        var figures: [JSONOut] = [], equality: [JSONOut] = [], gaps: [JSONOut] = [], patches: [JSONOut] = []
        for radius in radii {
            for l in analysis.layers.indices {
                let list = analysis.figures(layer: l, radiusMetres: radius)
                figures += list.map(figureJSON)
                gaps += list.filter { f in f.subdistrictCode != nil && (f.share.map { $0 < minShare } ?? false) }.map(figureJSON)
                if let e = CoverageEquality(figures: list) {
                    equality.append(.object([
                        (e.layer.kindKey, .string(e.layer.id)), ("radius_m", .int(Int(radius))),
                        ("min_share", .double(e.minShare, decimals: 6)), ("min_subdistrict", .string(e.minSubdistrictCode)),
                        ("max_share", .double(e.maxShare, decimals: 6)), ("max_subdistrict", .string(e.maxSubdistrictCode)),
                        ("ratio", e.ratio.map { .double($0, decimals: 6) } ?? .null), ("gini", e.gini.map { .double($0, decimals: 6) } ?? .null),
                        ("sample_based", .bool(e.restsOnSample)), ("note", e.restsOnSample ? .string(Self.sampleNote) : .null),
                    ]))
                }
                patches += analysis.patches(layer: l, radiusMetres: radius, limit: Self.patchesPerLayer).map { p in
                    .object([(p.layer.kindKey, .string(p.layer.id)), ("radius_m", .int(Int(radius))), ("centre", .coordinate(p.centre)),
                             ("area_m2", .double(p.areaSquareMetres, decimals: 0)), ("subdistrict", .optional(p.subdistrictCode))])
                }
            }
        }
        let layers: [JSONOut] = analysis.layers.enumerated().map { l, layer in
            let counts = analysis.pointCounts(layer: l)
            return .object([(layer.kindKey, .string(layer.id)), ("name", .string(layer.name(in: catalogue)))] + Self.countMembers(counts) + [
                            ("unlocated_points", .array(analysis.unlocatedPoints[l].map { Self.pointJSON(catalogue.points[$0]) }))])
        }
        return .object([
            ("method", .string("grid")), ("cell_m", .double(grid.cellMetres, decimals: 3)), ("cells", .int(grid.cellCount)),
            ("distance", .string("straight line, WGS-84, as nearby")),
            ("weighting", .string("area")), ("weighting_note", .string("Shares are by area; population weighting waits for population data.")),
            ("boundaries_note", .string("Subdistrict boundaries are hand-drawn approximations; cells in no polygon are unassigned (subdistrict null).")),
            ("district_area_m2", .double(districtArea, decimals: 0)), ("unassigned_area_m2", .double(unassignedArea, decimals: 0)),
            ("min_share", .double(minShare, decimals: 6)),
        ] + Self.countMembers(totals.counts) + [
            ("unlocated_points", .array(totals.unlocated.map(Self.pointJSON))),
            ("sample_note", .string(Self.sampleNote)),
            ("layers", .array(layers)), ("figures", .array(figures)), ("equality", .array(equality)),
            ("gaps", .array(gaps)), ("patches", .array(patches)),
        ])
    }

    func figureTable() -> TextTable {
        var table = TextTable(headers: ["subdistrict", "subdistrict_name", "layer", "id", "radius_m", "share", "area_m2", "covered_m2",
                                        "official_points", "reference_points", "sample_points", "sample_based", "note"])
        for radius in radii {
            for l in analysis.layers.indices {
                for f in analysis.figures(layer: l, radiusMetres: radius) {
                    table.add([f.subdistrictCode ?? "", subdistrictName(f.subdistrictCode), f.layer.kindKey, f.layer.id, Self.metres(radius),
                               f.share.map { String(format: "%.6f", $0) } ?? "", String(format: "%.0f", f.areaSquareMetres),
                               String(format: "%.0f", f.coveredSquareMetres), String(f.officialPoints), String(f.referencePoints), String(f.samplePoints),
                               f.restsOnSample ? "true" : "false", f.restsOnSample ? Self.sampleNote : ""])
                }
            }
        }
        return table
    }

    // MARK: - Grid

    /// Per-cell properties: distance to the nearest point of each layer (0.1 m), its id and whether it is sample.
    func cellMembers(_ cell: Int) -> [(String, JSONOut)] {
        var members: [(String, JSONOut)] = [("subdistrict", .optional(grid.subdistrict(of: cell)?.code))]
        for (l, layer) in analysis.layers.enumerated() {
            let point = analysis.nearestPoint(layer: l, cell: cell)
            members.append(("\(layer.id)_m", analysis.distance(layer: l, cell: cell).map { .double($0, decimals: 1) } ?? .null))
            members.append(("\(layer.id)_point", .optional(point?.id)))
            members.append(("\(layer.id)_sample", point.map { .bool($0.provenance.isSample) } ?? .null))
        }
        return members
    }

    /// RFC 7946: [longitude, latitude], rings closed and anticlockwise; one feature per line.
    func writeGridGeoJSON() {
        let totals = pointTotals
        let head: [(String, JSONOut)] = [
            ("type", .string("FeatureCollection")), ("cell_m", .double(grid.cellMetres, decimals: 3)),
            ("note", .string("Nearest straight-line WGS-84 distance (m) from each cell centre to a point of each \(analysis.layers.first?.kindKey ?? "domain"); "
                + "subdistrict boundaries are hand-drawn approximations (null: in no polygon); a distance to a sample point (_sample true) is \(Self.sampleNote).")),
        ] + Self.countMembers(totals.counts) + [
            ("unlocated_points", .array(totals.unlocated.map(Self.pointJSON))),
        ]
        var out = String(JSONOut.object(head).compact().dropLast()) + ",\"features\":[\n"
        for c in 0..<grid.cellCount {
            let (row, column) = grid.rowColumn(of: c)
            let ring: JSONOut = .array(grid.corners(of: c).map { .array([.double($0.longitude, decimals: 7), .double($0.latitude, decimals: 7)]) })
            let feature: JSONOut = .object([
                ("type", .string("Feature")),
                ("properties", .object([("row", .int(row)), ("column", .int(column))] + cellMembers(c))),
                ("geometry", .object([("type", .string("Polygon")), ("coordinates", .array([ring]))])),
            ])
            out += feature.compact()
            out += c + 1 < grid.cellCount ? ",\n" : "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        out += "]}\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    func writeGridCSV() {
        var headers = ["row", "column", "lat", "lng", "subdistrict"]
        for layer in analysis.layers { headers += ["\(layer.id)_m", "\(layer.id)_point", "\(layer.id)_sample"] }
        var out = headers.joined(separator: ",") + "\n"
        for c in 0..<grid.cellCount {
            let (row, column) = grid.rowColumn(of: c)
            let centre = grid.centre(of: c)
            var fields = [String(row), String(column), String(format: "%.7f", centre.latitude), String(format: "%.7f", centre.longitude),
                          grid.subdistrict(of: c)?.code ?? ""]
            for l in analysis.layers.indices {
                let point = analysis.nearestPoint(layer: l, cell: c)
                fields += [analysis.distance(layer: l, cell: c).map { String(format: "%.1f", $0) } ?? "", point?.id ?? "",
                           point.map { $0.provenance.isSample ? "true" : "false" } ?? ""]
            }
            out += fields.joined(separator: ",") + "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    func writeGridJSON() {
        let totals = pointTotals
        let head: [(String, JSONOut)] = [
            ("cell_m", .double(grid.cellMetres, decimals: 3)), ("cells", .int(grid.cellCount)),
            ("layers", .array(analysis.layers.map { .object([($0.kindKey, .string($0.id)), ("name", .string($0.name(in: catalogue)))]) })),
        ] + Self.countMembers(totals.counts) + [
            ("unlocated_points", .array(totals.unlocated.map(Self.pointJSON))), ("sample_note", .string(Self.sampleNote)),
        ]
        var out = String(JSONOut.object(head).compact().dropLast()) + ",\"grid\":[\n"
        for c in 0..<grid.cellCount {
            let (row, column) = grid.rowColumn(of: c)
            let cell: JSONOut = .object([("row", .int(row)), ("column", .int(column)), ("centre", .coordinate(grid.centre(of: c)))] + cellMembers(c))
            out += cell.compact()
            out += c + 1 < grid.cellCount ? ",\n" : "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        out += "]}\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
