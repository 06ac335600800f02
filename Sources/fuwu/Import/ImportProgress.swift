import Foundation

/// A progress line on stderr while a large input is read: only when stderr is a terminal and the
/// files are large, so scripts and small imports stay quiet.
struct ImportProgress {
    /// Inputs smaller than this together are imported without a progress line.
    static let largeInputBytes: UInt64 = 8 << 20

    let enabled: Bool
    var shown = false
    var lastRow = 0

    init(files: [String], isTerminal: Bool = isatty(2) == 1) {
        let bytes = files.reduce(UInt64(0)) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0)
        }
        enabled = isTerminal && bytes >= Self.largeInputBytes
    }

    /// Reports the row being read, every 10 000 rows.
    mutating func update(file: String, row: Int) {
        guard enabled, row - lastRow >= 10_000 || row < lastRow else { return }
        lastRow = row
        shown = true
        StandardStreams.writeError("\r\u{1B}[K" + "fuwu: reading \((file as NSString).lastPathComponent): row \(row)")
    }

    /// Clears the line.
    mutating func finish() {
        guard shown else { return }
        StandardStreams.writeError("\r\u{1B}[K")
        shown = false
    }
}
