import Foundation
import Testing
@testable import BrowserUI

/// Golden screens: a screen's text and its style mask, compared with files in Snapshots/.
/// `RECORD_SNAPSHOTS=1` rewrites the files and fails the test, so a recording never passes.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assert(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = screen.text + "\n"
        let style = screen.styleMask + "\n"
        let textURL = directory.appendingPathComponent("\(name).txt")
        let styleURL = directory.appendingPathComponent("\(name).style.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: textURL, atomically: true, encoding: .utf8)
            try? style.write(to: styleURL, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(name); run again without RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
            return
        }
        let expectedText = try? String(contentsOf: textURL, encoding: .utf8)
        let expectedStyle = try? String(contentsOf: styleURL, encoding: .utf8)
        #expect(expectedText != nil, "missing snapshot \(name).txt; record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        #expect(expectedStyle != nil, "missing snapshot \(name).style.txt", sourceLocation: sourceLocation)
        guard let expectedText, let expectedStyle else { return }
        #expect(text == expectedText, "screen text differs from \(name).txt", sourceLocation: sourceLocation)
        #expect(style == expectedStyle, "styles differ from \(name).style.txt", sourceLocation: sourceLocation)
    }
}
