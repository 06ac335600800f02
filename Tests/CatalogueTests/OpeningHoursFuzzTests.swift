import Foundation
import FixtureDamage
import Testing
@testable import Catalogue

/// Feeds the hours parser every hours string of the embedded catalogue and 10 000 random ones:
/// nothing crashes, and a string that does not parse is never open at any hour of the week.
@Suite struct OpeningHoursFuzzTests {
    /// Every `hours` value in data/futian/points.geojson.
    static func catalogueHours() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("data/futian/points.geojson"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let features = object?["features"] as? [[String: Any]] ?? []
        return features.compactMap { ($0["properties"] as? [String: Any])?["hours"] as? String }
    }

    /// Every string anywhere in the embedded catalogue: JSON string values of every source file
    /// and every line of the standard texts.
    static func everyCatalogueString() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/futian")
        var strings: [String] = []
        func walk(_ value: Any) {
            if let text = value as? String { strings.append(text) }
            else if let array = value as? [Any] { array.forEach(walk) }
            else if let object = value as? [String: Any] { object.keys.forEach { strings.append($0) }; object.values.forEach(walk) }
        }
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where ["json", "geojson", "md"].contains(file.pathExtension) {
            let data = try Data(contentsOf: file, options: .mappedIfSafe)
            if file.pathExtension == "md" {
                strings += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            } else {
                walk(try JSONSerialization.jsonObject(with: data))
            }
        }
        return strings
    }

    /// Sixteen moments spread over a week.
    static let moments: [ShenzhenTime] = (0..<16).map { ShenzhenTime(weekday: $0 % 7 + 1, minuteOfDay: ($0 * 97) % 1440) }

    func check(_ text: String) {
        let parsed = OpeningHours.parse(text)
        for moment in Self.moments {
            let status = OpeningHours.status(of: text, at: moment)
            if parsed == nil { #expect(status == .unknown, "unparsed \(text) was \(status)") }
            if case .closingSoon(let left) = status { #expect(left > 0 && left <= 30) }
        }
    }

    @Test func everyCatalogueHoursStringIsParsedOrUnknownAndMostParse() throws {
        let all = try Self.catalogueHours()
        #expect(all.count == 1622)
        for text in all { check(text) }
        let parsed = all.filter { OpeningHours.parse($0) != nil }.count
        // Measured on the embedded catalogue: see `fuwu stats`.
        #expect(parsed == 1349)
    }

    @Test func everyOtherStringOfTheCatalogueIsReadOrUnknownWithoutACrash() throws {
        let all = try Self.everyCatalogueString()
        #expect(all.count > 20_000)
        for text in all { check(text) }
    }

    @Test func tenThousandRandomStringsNeverCrashAndNeverOpenUnparsed() {
        var generator = SplitMix64(seed: 0x5EED_F00D)
        let pieces = ["周", "一", "二", "五", "六", "日", "至", "、", "，", ",", " ", "-", "–", "—", "~", ":", "：", "0", "1", "2", "9",
                      "3", "5", "8", "00", "30", "24", "全天", "开放", "（", "）", "每天", "星期", "x", "\u{1B}", "\n", "６", "周一至周五 ",
                      "9:00-18:00", "23:00-01:00", "以所在场所开放时间为准"]
        var parsed = 0
        for _ in 0..<10_000 {
            let count = Int(generator.next() % 12) + 1
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            check(text)
            if OpeningHours.parse(text) != nil { parsed += 1 }
        }
        // The generator reaches the parsing paths, not only the rejections.
        #expect(parsed > 50)
    }
}
