import Foundation
import Testing

/// The map in a real terminal: nearby → m → zoom → Tab → Enter → back, at 80×24 and 40×12.
@Suite(.serialized) struct MapWalkSmokeTests {
    private func firstLine(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    private func statusLine(_ screen: String) -> String {
        // The status line is the one above the key bar, the last line that is not empty.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.count >= 2 ? String(lines[lines.count - 2]) : ""
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func walkNearbyMapZoomSelectOpenAndBack(width: Int, height: Int) throws {
        let environment = ["FUWU_CACHE_DIR": SmokeTests.cacheDirectory, "LANG": "C.UTF-8"]
        let session = try TmuxSession(command: try FuwuProgram.shellLine(arguments: [], environment: environment),
                                      width: width, height: height)
        try session.waitFor("1/9")
        try session.send("w")
        try session.waitFor("我在哪里")
        try session.type("市民中心")
        try session.send("Enter")
        try session.waitUntil("nearby 市民中心") { $0.contains(" 位置 市民中心") && $0.contains(" 范围 1000 米") }

        try session.send("m")
        try session.waitUntil("the map with the origin and the scale bar") {
            firstLine($0).hasSuffix("› 地图") && $0.contains("@") && $0.contains("┤ ") && statusLine($0).contains("1/")
        }
        let before = try session.capture()
        try session.send("+")
        try session.waitUntil("a closer view") { firstLine($0).hasSuffix("› 地图") && $0 != before && $0.contains("┤ ") }
        try session.send("Tab")
        try session.waitUntil("the second point named on the status line") {
            statusLine($0).hasPrefix("▸ ") && statusLine($0).contains("2/")
        }
        let selectedScreen = try session.waitForStableScreen()
        let selected = statusLine(selectedScreen)
        let name = String(selected.dropFirst(2).prefix { $0 != " " && $0 != "·" })
        try session.send("Enter")
        try session.waitUntil("the selected point's details") { firstLine($0).contains(String(name.prefix(6))) && !firstLine($0).hasSuffix("› 地图") }
        try session.send("Escape")
        try session.waitUntil("back on the map, still zoomed and selected") {
            firstLine($0).hasSuffix("› 地图") && $0 == selectedScreen
        }
        try session.send("Escape")
        try session.waitUntil("back on the list") { $0.contains(" 位置 市民中心") && !firstLine($0).hasSuffix("› 地图") }
        try session.send("q")
        let report = try session.waitFor("MODES:")
        #expect(report.contains("EXIT=0 MODES: icanon echo"))
    }
}
