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
