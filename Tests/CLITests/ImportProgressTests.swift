import Foundation
import Testing
@testable import fuwu

/// The import's progress bar: exact lines at the widths a resident's terminal may have, redrawn at
/// most ten times a second, cleared at the end, and nothing at all when stderr is not a terminal
/// or the input is small.
@Suite struct ImportProgressTests {
    @Test func theBarFillsAFortyColumnTerminalLessOneColumnWithNameBarAndPercent() {
        let line = ImportProgress.line(file: "/data/points.csv", bytesRead: 45, totalBytes: 100, columns: 40)
        #expect(line == "points.csv [#########............]  45%")
        #expect(line.count == 39)
        #expect(ImportProgress.line(file: "points.csv", bytesRead: 0, totalBytes: 100, columns: 40)
            == "points.csv [.....................]   0%")
        #expect(ImportProgress.line(file: "points.csv", bytesRead: 100, totalBytes: 100, columns: 40)
            == "points.csv [#####################] 100%")
    }

    @Test func aLongChineseNameIsCutCountingWideAndAmbiguousCharactersAsTwoColumns() {
        let line = ImportProgress.line(file: "福田区社区健康服务中心一览表2026.csv", bytesRead: 1, totalBytes: 3, columns: 40)
        #expect(line == "福田区社区… [######.............]  33%")
    }

    @Test func aNarrowTerminalDropsTheNameAndATinyOneShowsThePercentOnly() {
        #expect(ImportProgress.line(file: "points.csv", bytesRead: 1, totalBytes: 2, columns: 20) == "[######......]  50%")
        #expect(ImportProgress.line(file: "points.csv", bytesRead: 1, totalBytes: 2, columns: 6) == " 50%")
        #expect(ImportProgress.line(file: "points.csv", bytesRead: 1, totalBytes: 2, columns: 80)
            == "points.csv [##############################...............................]  50%")
    }

    @Test func bytesPastTheTotalOrAnEmptyInputShowAFullBar() {
        #expect(ImportProgress.line(file: "a.csv", bytesRead: 7, totalBytes: 5, columns: 30) == "a.csv [################] 100%")
        #expect(ImportProgress.line(file: "a.csv", bytesRead: 0, totalBytes: 0, columns: 30) == "a.csv [################] 100%")
    }

    /// A file of `bytes` bytes (sparse: nothing is written).
    static func file(bytes: UInt64, in folder: URL, named name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
        return url.path
    }

    final class Recorder: @unchecked Sendable {
        var writes: [String] = []
        var now: UInt64 = 0
    }

    static func progress(_ files: [String], isTerminal: Bool, _ recorder: Recorder) -> ImportProgress {
        ImportProgress(files: files, isTerminal: isTerminal, columns: { 40 }, nowNanoseconds: { recorder.now },
                       write: { recorder.writes.append($0) })
    }

    @Test func aLargeInputOnATerminalIsRedrawnAtMostTenTimesASecondAndClearedAtTheEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-progress-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = try Self.file(bytes: 12 << 20, in: folder, named: "big.csv")
        let small = try Self.file(bytes: 4 << 20, in: folder, named: "small.docx")
        let recorder = Recorder()
        var progress = Self.progress([big, small], isTerminal: true, recorder)
        progress.update(file: big, bytesRead: 0)
        recorder.now = 50_000_000
        progress.update(file: big, bytesRead: 6 << 20) // within 0.1 s of the last drawing: not drawn
        recorder.now = 100_000_000
        progress.update(file: big, bytesRead: 6 << 20)
        recorder.now = 150_000_000
        progress.update(file: big, bytesRead: nil)
        recorder.now = 250_000_000
        progress.update(file: small, bytesRead: nil)
        progress.finish()
        #expect(recorder.writes == [
            "\rbig.csv [........................]   0%",
            "\rbig.csv [#########...............]  37%",
            "\rsmall.docx [#####################] 100%",
            "\r\u{1B}[K",
        ])
    }

    @Test func nothingIsWrittenWhenStderrIsNotATerminalOrTheInputIsSmall() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-progress-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = try Self.file(bytes: 12 << 20, in: folder, named: "big.csv")
        let small = try Self.file(bytes: 1 << 20, in: folder, named: "small.csv")
        for (files, isTerminal) in [([big], false), ([small], true)] {
            let recorder = Recorder()
            var progress = Self.progress(files, isTerminal: isTerminal, recorder)
            for step in 0...10 {
                recorder.now = UInt64(step) * 200_000_000
                progress.update(file: files[0], bytesRead: Int64(step) << 20)
            }
            progress.update(file: files[0], bytesRead: nil)
            progress.finish()
            #expect(recorder.writes.isEmpty, "\(files) on a terminal: \(isTerminal)")
        }
    }
}
