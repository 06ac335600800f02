import Foundation
import Catalogue
import Testing
@testable import BrowserUI

struct BodiesDict: StandardBodySource {
    var texts: [String: String]
    func body(ofStandard id: String) throws -> String { texts[id] ?? "" }
}

@Test func zzExplore() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let report = CatalogueLoader.load(folder: root.appendingPathComponent("data/futian"))
    let loaded = try #require(report.loaded)
    let context = BrowserContext(catalogue: loaded.catalogue, bodies: BodiesDict(texts: loaded.bodies))
    var events: [TerminalEvent] = [.key(.character("w"))] + "市民中心".map { .key(.character($0)) } + [.key(.enter)]
    events += [.key(.character("f"))] + "社康".map { .key(.character($0)) } + [.key(.enter)]
    events += [.key(.enter), .key(.tab), .key(.enter), .key(.tab), .key(.tab), .key(.enter), .key(.character("t"))]
    events += Array(repeating: TerminalEvent.key(.character("j")), count: 11) + [.key(.enter), .key(.escape), .resize(width: 40, height: 12), .key(.character("q"))]
    let terminal = ScriptedTerminal(width: 80, height: 24, events: events)
    var app = BrowserApp(state: BrowserState(context: context))
    app.run(terminal: terminal)
    var all = ""
    for (i, f) in terminal.frames.enumerated() where i >= 5 { all += "---- frame \(i) after \(i > 0 ? "\(events[i-1])" : "")\n" + f.text + "\n" }
    try all.write(toFile: "/tmp/explore-flow.txt", atomically: true, encoding: .utf8)
}
