import Geodesy

extension CoverageAnalysis {
    /// Figures of one layer at one radius: one per subdistrict polygon in order, then the
    /// unassigned cells (未归属) last.
    public func figures(layer l: Int, radiusMetres: Double) -> [CoverageFigure] {
        let count = grid.subdistricts.count
        var cells = [Int](repeating: 0, count: count + 1)
        var covered = [Int](repeating: 0, count: count + 1)
        var coveringPoints = [Set<Int32>](repeating: [], count: count + 1)
        let offset = l * grid.cellCount
        let limit = Float(radiusMetres)
        // Neighbouring cells mostly share their subdistrict and nearest point: hash a pair only
        // when it differs from the previous covered cell's (a set insert per cell dominated).
        var last: (subdistrict: Int, point: Int32) = (-1, -1)
        for c in 0..<grid.cellCount {
            let s = grid.cellSubdistrict[c] < 0 ? count : Int(grid.cellSubdistrict[c])
            cells[s] += 1
            if distances[offset + c] <= limit {
                covered[s] += 1
                let point = nearest[offset + c]
                if last.subdistrict != s || last.point != point {
                    coveringPoints[s].insert(point)
                    last = (s, point)
                }
            }
        }
        let area = grid.cellAreaSquareMetres
        return (0...count).map { s in
            let counts = ProvenanceCounts(coveringPoints[s].map { catalogue.points[Int($0)].provenance })
            return CoverageFigure(subdistrictCode: s < count ? grid.subdistricts[s].code : nil, layer: layers[l],
                                  radiusMetres: radiusMetres, areaSquareMetres: Double(cells[s]) * area,
                                  coveredSquareMetres: Double(covered[s]) * area,
                                  officialPoints: counts.official, referencePoints: counts.reference, samplePoints: counts.sample)
        }
    }

    /// The equality across subdistricts of one layer at one radius.
    public func equality(layer l: Int, radiusMetres: Double) -> CoverageEquality? {
        CoverageEquality(figures: figures(layer: l, radiusMetres: radiusMetres))
    }

    /// Subdistrict × layer figures whose share is below `minShare` at the radius, in layer then
    /// subdistrict order (unassigned cells are not a subdistrict and are never a gap).
    public func gaps(radiusMetres: Double, minShare: Double) -> [CoverageFigure] {
        layers.indices.flatMap { l in
            figures(layer: l, radiusMetres: radiusMetres).filter { figure in
                guard figure.subdistrictCode != nil, let share = figure.share else { return false }
                return share < minShare
            }
        }
    }

    /// The connected uncovered patches of one layer at one radius, largest first (ties by
    /// position), at most `limit`; with `subdistrict` (an index into `grid.subdistricts`, or −1
    /// for unassigned cells) only cells of that subdistrict take part.
    public func patches(layer l: Int, radiusMetres: Double, subdistrict: Int? = nil, limit: Int = 5) -> [CoveragePatch] {
        let cells = grid.cellCount
        let offset = l * cells
        let limitDistance = Float(radiusMetres)
        // Rectangle position → district cell, for neighbour look-ups.
        var cellAt = [Int32](repeating: -1, count: grid.rows * grid.columns)
        for c in 0..<cells where distances[offset + c] > limitDistance {
            if let subdistrict, Int(grid.cellSubdistrict[c]) != subdistrict { continue }
            cellAt[Int(grid.cellPositions[c])] = Int32(c)
        }
        var seen = [Bool](repeating: false, count: cells)
        var found: [(cells: [Int32], first: Int)] = []
        var stack: [Int32] = []
        for c in 0..<cells where !seen[c] && cellAt[Int(grid.cellPositions[c])] == Int32(c) {
            var members: [Int32] = []
            seen[c] = true
            stack.append(Int32(c))
            while let current = stack.popLast() {
                members.append(current)
                let position = Int(grid.cellPositions[Int(current)])
                let row = position / grid.columns, column = position % grid.columns
                for (dr, dc) in [(0, 1), (0, -1), (1, 0), (-1, 0)] {
                    let r = row + dr, k = column + dc
                    guard r >= 0, r < grid.rows, k >= 0, k < grid.columns else { continue }
                    let neighbour = cellAt[r * grid.columns + k]
                    if neighbour >= 0 && !seen[Int(neighbour)] {
                        seen[Int(neighbour)] = true
                        stack.append(neighbour)
                    }
                }
            }
            found.append((members, c))
        }
        found.sort { $0.cells.count != $1.cells.count ? $0.cells.count > $1.cells.count : $0.first < $1.first }
        return found.prefix(limit).map { patch in
            var rowSum = 0.0, columnSum = 0.0
            var owners = [Int: Int]()
            for c in patch.cells {
                let (row, column) = grid.rowColumn(of: Int(c))
                rowSum += Double(row) + 0.5
                columnSum += Double(column) + 0.5
                owners[Int(grid.cellSubdistrict[Int(c)]), default: 0] += 1
            }
            let n = Double(patch.cells.count)
            let owner = owners.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? -1
            return CoveragePatch(layer: layers[l], radiusMetres: radiusMetres,
                                 centre: grid.coordinate(row: rowSum / n, column: columnSum / n),
                                 areaSquareMetres: n * grid.cellAreaSquareMetres, cellCount: patch.cells.count,
                                 subdistrictCode: owner >= 0 ? grid.subdistricts[owner].code : nil,
                                 cells: patch.cells.sorted())
        }
    }

    /// The outline of a patch as WGS-84 line runs: every cell edge with no patch cell beyond it,
    /// joined along each grid line into one segment per straight run (for drawing on a map).
    public func outline(of patch: CoveragePatch) -> [[GeoCoordinate]] {
        var member = Set<Int32>()
        for c in patch.cells { member.insert(grid.cellPositions[Int(c)]) }
        func inPatch(_ row: Int, _ column: Int) -> Bool {
            row >= 0 && row < grid.rows && column >= 0 && column < grid.columns && member.contains(Int32(row * grid.columns + column))
        }
        // Edges keyed by their grid line: horizontal edges on line `row` (south side of that row)
        // from column to column + 1; vertical edges on line `column` from row to row + 1.
        var horizontal: [Int: [Int]] = [:], vertical: [Int: [Int]] = [:]
        for c in patch.cells {
            let (row, column) = grid.rowColumn(of: Int(c))
            if !inPatch(row - 1, column) { horizontal[row, default: []].append(column) }
            if !inPatch(row + 1, column) { horizontal[row + 1, default: []].append(column) }
            if !inPatch(row, column - 1) { vertical[column, default: []].append(row) }
            if !inPatch(row, column + 1) { vertical[column + 1, default: []].append(row) }
        }
        /// Consecutive unit steps joined into runs (start, end) along one line.
        func runs(_ steps: [Int]) -> [(Int, Int)] {
            var result: [(Int, Int)] = []
            for step in steps.sorted() {
                if let last = result.last, last.1 == step { result[result.count - 1].1 = step + 1 } else { result.append((step, step + 1)) }
            }
            return result
        }
        var lines: [[GeoCoordinate]] = []
        for (row, columns) in horizontal.sorted(by: { $0.key < $1.key }) {
            for (from, to) in runs(columns) {
                lines.append([grid.coordinate(row: Double(row), column: Double(from)), grid.coordinate(row: Double(row), column: Double(to))])
            }
        }
        for (column, rows) in vertical.sorted(by: { $0.key < $1.key }) {
            for (from, to) in runs(rows) {
                lines.append([grid.coordinate(row: Double(from), column: Double(column)), grid.coordinate(row: Double(to), column: Double(column))])
            }
        }
        return lines
    }

    /// Located points of a layer by provenance.
    public func pointCounts(layer l: Int) -> ProvenanceCounts {
        ProvenanceCounts(locatedPoints[l].map { catalogue.points[$0].provenance })
    }
}
