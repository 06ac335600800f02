import Foundation
import Testing

/// A person's walk through the browser in a real terminal: the "done when" path.
@Suite(.serialized) struct BrowserWalkSmokeTests {
    private func start(_ arguments: [String] = [], environment: [String: String] = [:],
                       width: Int = 80, height: Int = 24) throws -> TmuxSession {
        var environment = environment
        environment["FUWU_CACHE_DIR"] = environment["FUWU_CACHE_DIR"] ?? SmokeTests.cacheDirectory
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        return try TmuxSession(command: try FuwuProgram.shellLine(arguments: arguments, environment: environment),
                               width: width, height: height)
    }

    private func firstLine(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The walk at 80×24 and at 40×12 (where the browser shows one level at a time and the path
    /// in the title is cut from the left); the resize goes to the other size and back.
    @Test(arguments: [(80, 24, 40, 12), (40, 12, 80, 24)])
    func walkDomainItemPointStandardContentsNearbySearchResizeAndQuit(
        width: Int, height: Int, otherWidth: Int, otherHeight: Int) throws {
        // A fixed clock: a point's open-now status (即将关闭（13 分钟后）) can wrap onto a second
        // line and push the rows below it off a 12-row screen at some times of day.
        let session = try start(["--now", "2026-12-01T10:00"], width: width, height: height)
        try session.waitFor("1/9")
        // A frame can reach tmux in more than one write: every wait names all it asserts.

        // Domain → item → point.
        try session.send("j", "j", "j", "Enter")
        try session.waitUntil("the domain 病有良医") { firstLine($0).hasSuffix("› 病有良医") }
        try session.send("Enter")
        try session.waitUntil("the item 居民健康档案") { firstLine($0).hasSuffix("› 病有良医 › 居民健康档案") }
        try session.send("Enter")
        try session.waitUntil("the point's details") {
            firstLine($0).hasSuffix("› 福田区样例社康中心001") && $0.contains(" 类型          社康中心")
                && $0.contains(" 来源          样例数据") && $0.contains(" 地址          福田街道（样例，无地址）")
        }

        // Back lands on the item; its details lead to the service guide; its contents to 服务流程.
        try session.send("Escape")
        try session.waitUntil("back at the item") { firstLine($0).hasSuffix("› 病有良医 › 居民健康档案") }
        try session.send("i")
        try session.waitUntil("the item's details") {
            $0.contains(" 居民健康档案 [样例]") && $0.contains(" 服务对象      辖区常住居民")
        }
        try session.send("Tab", "Tab", "Enter")
        try session.waitUntil("the reader") { firstLine($0).contains("居民健康档案服务指南") && $0.contains(" 前言") }
        try session.send("t")
        try session.waitUntil("the table of contents") { firstLine($0).contains("› 目录") && $0.contains("\n 1 范围\n") }
        try session.send("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "Enter")
        try session.waitUntil("the chapter 服务流程 at the top") {
            firstLine($0).contains("居民健康档案服务指南") && !firstLine($0).contains("目录")
                && $0.split(separator: "\n").dropFirst().first == " 5 服务流程"
        }

        // Nearby 市民中心, circles 1/2/3.
        try session.send("Escape", "w")
        try session.waitFor("我在哪里")
        try session.type("市民中心")
        try session.send("Enter")
        try session.waitUntil("nearby 市民中心 at 1000 m") {
            $0.contains(" 位置 市民中心") && $0.contains(" 范围 1000 米")
        }
        try session.send("1")
        try session.waitFor(" 范围 500 米")
        try session.send("3")
        try session.waitFor(" 范围 1500 米")
        try session.send("2")
        try session.waitFor(" 范围 1000 米")

        // Search: results as you type, the hardware cursor at the caret for an input method.
        try session.send("Escape", "/")
        try session.waitFor(" 搜索：")
        try session.type("社康")
        try session.waitUntil("results for 社康") { $0.contains(" 搜索：社康") && $0.contains("社康机构基本医疗服务") }
        // " 搜索：社康" is 1 + 6 + 4 columns: the caret sits at column 11 of row 1.
        try session.waitForFormat("#{cursor_flag} #{cursor_x} #{cursor_y}", toBe: "1 11 1")

        // The other size and back: the layout follows, nothing crashes, the caret stays.
        for (w, h) in [(otherWidth, otherHeight), (width, height)] {
            try session.resize(width: w, height: h)
            try session.waitForFormat("#{pane_width}x#{pane_height}", toBe: "\(w)x\(h)")
            try session.waitUntil("the search at \(w)×\(h)") { screen in
                let lines = screen.split(separator: "\n")
                return screen.contains(" 搜索：社康")
                    && lines.contains { $0.hasPrefix("  社康机构基本医疗服务") && $0.hasSuffix("病有良医") }
            }
            try session.waitForFormat("#{cursor_flag} #{cursor_x} #{cursor_y}", toBe: "1 11 1")
        }

        try session.send("Escape", "q")
        let report = try session.waitFor("MODES:")
        #expect(report.contains("EXIT=0 MODES: icanon echo"))
        #expect(try session.format("#{cursor_flag} #{alternate_on} #{mouse_any_flag}") == "1 0 0")
    }

    @Test func anEscapeSequenceInAPointNameIsShownInertAndNeverReachesTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-smoke-escape-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: FuwuProgram.embeddedCatalogue, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let points = folder.appendingPathComponent("points.geojson")
        let original = try String(contentsOf: points, encoding: .utf8)
        // A name that would turn the text red and retitle the window if it reached the terminal.
        let hostile = original.replacingOccurrences(
            of: "\"福田区样例社康中心001\"",
            with: "\"福田区样例社康中心001\\u001b[31m\\u001b]2;PWNED\\u0007\"")
        try #require(hostile != original)
        try hostile.write(to: points, atomically: true, encoding: .utf8)
        try FuwuProgram.compile(catalogue: folder, cacheDirectory: SmokeTests.cacheDirectory)

        let session = try start(["--catalogue", folder.path, "--no-color"])
        try session.waitFor("1/9")
        try session.send("j", "j", "j", "Enter", "Enter")
        let list = try session.waitFor("福田区样例社康中心001\\u{1B}[31m")
        #expect(!list.contains("\u{1B}"))
        try session.send("Enter")
        let detail = try session.waitFor(" 福田区样例社康中心001\\u{1B}[31m\\u{1B}]2;PWNED\\u{7}")
        #expect(!detail.contains("\u{1B}"))
        #expect(try session.format("#{pane_title}") != "PWNED")
        // With --no-color nothing the browser draws is red: a red cell could only come from the name.
        let attributes = try session.captureWithAttributes()
        #expect(!attributes.contains("\u{1B}[31m"))
        #expect(!attributes.contains(";31m"))
        try session.send("q")
        let report = try session.waitFor("MODES:")
        #expect(report.contains("EXIT=0 MODES: icanon echo"))
    }
}
