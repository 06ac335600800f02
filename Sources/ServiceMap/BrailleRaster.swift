/// A canvas of terminal cells with 2×4 dots each (the Braille block U+2800–U+28FF). Each cell
/// keeps the dots of its highest layer only, and a tag (a point's domain) from the first thing
/// drawn at that layer, so a cell always shows one thing.
public struct BrailleRaster: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    /// The dots set in each cell (Braille bit order), row-major.
    public private(set) var bits: [UInt8]
    /// The layer each cell shows.
    public private(set) var layers: [MapLayer]
    /// What the cell's layer drew first (for points: domain index × 2 + 1 when a sample).
    public private(set) var tags: [Int32]

    /// The Braille bit of each dot: [row within the cell][column within the cell]. Dots 1,2,3,7
    /// are the left column (0x01, 0x02, 0x04, 0x40); dots 4,5,6,8 the right (0x08, 0x10, 0x20, 0x80).
    static let dotBits: [UInt8] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        layers = Array(repeating: .empty, count: count)
        tags = Array(repeating: -1, count: count)
    }

    /// The Braille character of a cell's dots; U+2800 (no dots) is drawn as a space.
    public func character(row: Int, column: Int) -> Character {
        let value = bits[row * columns + column]
        if value == 0 { return " " }
        return Character(Unicode.Scalar(0x2800 + UInt32(value)) ?? " ")
    }

    /// The layer of the cell at (row, column).
    public func layer(row: Int, column: Int) -> MapLayer { layers[row * columns + column] }

    /// The tag of the cell at (row, column), -1 when none.
    public func tag(row: Int, column: Int) -> Int32 { tags[row * columns + column] }

    /// Sets one dot; a dot off the canvas is ignored.
    public mutating func plot(x: Int, y: Int, layer: MapLayer, tag: Int32 = -1) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let cell = (y >> 2) * columns + (x >> 1)
        let bit = Self.dotBits[(y & 3) * 2 + (x & 1)]
        let current = layers[cell]
        if layer > current {
            layers[cell] = layer
            bits[cell] = bit
            tags[cell] = tag
        } else if layer == current {
            bits[cell] |= bit
        }
    }

    /// Draws a straight line between two dot positions (fractional, x right, y down), clipped to
    /// the canvas.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), layer: MapLayer, tag: Int32 = -1) {
        guard let (start, end) = Self.clip(a, b, width: Double(columns * 2), height: Double(rows * 4)) else { return }
        let dx = end.x - start.x, dy = end.y - start.y
        let steps = max(1, Int(max(abs(dx), abs(dy)).rounded(.up)))
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            plot(x: Int((start.x + dx * t).rounded(.down)), y: Int((start.y + dy * t).rounded(.down)), layer: layer, tag: tag)
        }
    }

    /// Liang–Barsky clipping of a segment to [0, width) × [0, height); nil when nothing is inside.
    static func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), width: Double, height: Double)
        -> ((x: Double, y: Double), (x: Double, y: Double))? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let maxX = width - 1e-9, maxY = height - 1e-9
        for (p, q) in [(-dx, a.x), (dx, maxX - a.x), (-dy, a.y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; if r > t0 { t0 = r } }
                else { if r < t0 { return nil }; if r < t1 { t1 = r } }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
