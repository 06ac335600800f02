import ChineseText
import Foundation

/// The progress bar of an import on stderr: bytes read out of the input's total, redrawn at most
/// ten times a second and cleared at the end. Only when stderr is a terminal and the input is
/// large; otherwise nothing is written, so scripts and small imports stay quiet.
struct ImportProgress {
    /// Inputs smaller than this together are imported without a bar.
    static let largeInputBytes: Int64 = 8 << 20
    /// The shortest time between two redraws.
    static let redrawIntervalNanoseconds: UInt64 = 100_000_000

    let enabled: Bool
    /// Each input file's size, known before anything is read.
    let sizes: [String: Int64]
    let totalBytes: Int64
    /// Bytes read of each file so far (the file's size once it is read to its end).
    var readBytes: [String: Int64] = [:]
    var lastDrawNanoseconds: UInt64?
    var lastLine = ""
    var shown = false
    let columns: () -> Int
    let nowNanoseconds: () -> UInt64
    let write: (String) -> Void

    init(files: [String], isTerminal: Bool = isatty(2) == 1, columns: @escaping () -> Int = Self.terminalColumns,
         nowNanoseconds: @escaping () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
         write: @escaping (String) -> Void = StandardStreams.writeError) {
        var sizes: [String: Int64] = [:]
        for path in files {
            sizes[path] = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
        }
        self.sizes = sizes
        totalBytes = sizes.values.reduce(0, +)
        enabled = isTerminal && totalBytes >= Self.largeInputBytes
        self.columns = columns
        self.nowNanoseconds = nowNanoseconds
        self.write = write
    }

    /// Notes how far `file` is read (nil: to its end) and redraws the bar when it is due.
    mutating func update(file: String, bytesRead: Int64?) {
        guard enabled else { return }
        let size = sizes[file] ?? 0
        readBytes[file] = max(readBytes[file] ?? 0, min(bytesRead ?? size, size))
        let now = nowNanoseconds()
        if let last = lastDrawNanoseconds, now &- last < Self.redrawIntervalNanoseconds { return }
        let line = Self.line(file: file, bytesRead: readBytes.values.reduce(0, +), totalBytes: totalBytes, columns: columns())
        lastDrawNanoseconds = now
        guard line != lastLine else { return }
        lastLine = line
        shown = true
        write("\r" + line)
    }

    /// Clears the bar's line.
    mutating func finish() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
        lastLine = ""
    }

    /// The bar for a terminal `columns` wide, one column short of it so that the cursor never
    /// wraps: `points.csv [########..........]  45%`. The file's name is cut to a third of the
    /// width (wide and ambiguous characters counted as two columns), and left out when fewer than
    /// 30 columns would leave the bar too short.
    static func line(file: String, bytesRead: Int64, totalBytes: Int64, columns: Int) -> String {
        let width = max(0, columns - 1)
        let fraction = totalBytes > 0 ? min(1, max(0, Double(bytesRead) / Double(totalBytes))) : 1
        let percent = Int((fraction * 100).rounded(.down))
        let percentText = String(repeating: " ", count: percent < 10 ? 2 : percent < 100 ? 1 : 0) + "\(percent)%"
        let name = Sanitiser.line((file as NSString).lastPathComponent)
        let nameText = columns >= 30 ? DisplayWidth.truncate(name, to: width / 3, ambiguousWide: true) : ""
        let nameWidth = nameText.isEmpty ? 0 : DisplayWidth.of(nameText, ambiguousWide: true) + 1
        let barWidth = width - nameWidth - 2 - 1 - percentText.count
        guard barWidth >= 4 else { return String(percentText.suffix(max(0, width))) }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
        return (nameText.isEmpty ? "" : nameText + " ") + bar + percentText
    }

    /// The width of the terminal on stderr; 80 when it cannot be told.
    static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
