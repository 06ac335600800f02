import Testing
@testable import BrowserUI

/// Whole sessions through the run loop, with a terminal that plays keys and keeps frames.
@Suite struct ScriptedSessionTests {
    func app() -> BrowserApp {
        BrowserApp(state: Fixture.state())
    }

    @Test func walkFromDomainToAGuideChapterAndQuit() {
        var events: [TerminalEvent] = ScriptedTerminal.keys("jjll") // 病有良医 → 家庭医生签约服务 → points
        events += [.key(.enter)]                                    // the first point
        events += [.key(.tab), .key(.enter)]                          // its item 家庭医生签约服务
        events += [.key(.tab), .key(.enter)]                          // the guide
        events += ScriptedTerminal.keys("t") + ScriptedTerminal.keys("jjjjj") + [.key(.enter)] // 5 服务流程
        events += [.key(.escape)] + ScriptedTerminal.keys("q")
        let terminal = ScriptedTerminal(width: 80, height: 24, events: events)
        var app = app()
        app.run(terminal: terminal)
        #expect(terminal.frames.count == events.count)
        let chapter = terminal.frames[terminal.frames.count - 2]
        #expect(chapter.rowText(1) == " 5 服务流程")
        #expect(chapter.styleMask.split(separator: "\n")[1].hasPrefix(".TTTTTTTTTT."))
        #expect(terminal.frames.last?.rowText(1) == " 家庭医生签约服务")
        #expect(app.state.page == .item("I0401"))
    }

    @Test func healthCentresNearTheCivicCentreToTheGuideChapterAndOut() {
        func keys(_ text: String) -> [TerminalEvent] { ScriptedTerminal.keys(text) }
        var events = keys("w") + keys("市民") + [.key(.enter)]             // where I am: the station
        events += keys("2") + keys("f") + keys("社区健康") + [.key(.enter)]  // 1000 m, health centres
        let nearbyFrame = events.count
        events += [.key(.enter), .key(.tab), .key(.enter)]                // nearest point → its item
        events += [.key(.tab), .key(.enter)] + keys("t") + keys("jjjjj") + [.key(.enter)] // guide → 5 服务流程
        let chapterFrame = events.count
        events += [.key(.escape)] + keys("q")
        let terminal = ScriptedTerminal(width: 80, height: 24, events: events)
        var app = app()
        app.run(terminal: terminal)
        let nearby = terminal.frames[nearbyFrame]
        #expect(nearby.rowText(1) == " 位置 市民中心（地铁站） · 坐标系 WGS-84")
        #expect(nearby.rowText(2) == " 范围 1000 米 · 筛选 社区健康服务中心 · 1 个在范围内")
        #expect(nearby.rowText(4).hasPrefix("  151 m 东北  3分 福田社区健康服务中心（市民中心）"))
        #expect(terminal.frames[chapterFrame].rowText(1) == " 5 服务流程")
        #expect(terminal.frames.last?.rowText(0) == "福田基本公共服务 › 病有良医 › 家庭医生签约服务")
        #expect(terminal.frames.count == events.count)
    }

    @Test func endOfInputStopsTheLoop() {
        let terminal = ScriptedTerminal(width: 40, height: 12, events: ScriptedTerminal.keys("jj"))
        var app = app()
        app.run(terminal: terminal)
        #expect(terminal.frames.count == 3)
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        let events: [TerminalEvent] = [.resize(width: 40, height: 12), .resize(width: 10, height: 3),
                                       .resize(width: 80, height: 24), .key(.character("q"))]
        let terminal = ScriptedTerminal(width: 80, height: 24, events: events)
        var app = app()
        app.run(terminal: terminal)
        #expect(terminal.frames.map(\.width) == [80, 40, 10, 80])
        #expect(terminal.frames[2].text.contains("终端太小"))
        #expect(terminal.frames[3].rowText(2).hasPrefix("幼有善育"))
    }
}
