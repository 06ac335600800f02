import Catalogue
import Testing
@testable import BrowserUI

/// No size and no sequence of commands crashes a frame.
@Suite struct RobustnessTests {
    static let journeys: [[Command]] = [
        [],
        GoldenScreenTests.familyDoctorPoints + [.down],
        GoldenScreenTests.healthDomain + [.details, .bottom],
        GoldenScreenTests.familyDoctorPoints + [.down, .down, .open],
        GoldenScreenTests.openGuide + [.bottom],
        GoldenScreenTests.openGuide + [.contents, .bottom],
        GoldenScreenTests.openGuide + [.searchText, .insert("签")],
        [.find, .insert("社"), .bottom],
        NearbyScreenTests.fromCivicCentre + [.bottom],
        NearbyScreenTests.fromCivicCentre + [.filter, .insert("x")],
        [.help, .bottom],
    ]

    @Test(arguments: [(0, 0), (1, 1), (2, 30), (29, 8), (30, 8), (31, 9), (45, 10), (59, 20), (60, 20), (99, 30), (100, 30), (250, 80)])
    func everyScreenDrawsAtEverySize(width: Int, height: Int) {
        for journey in Self.journeys {
            var state = Fixture.state()
            for command in journey { _ = state.apply(command) }
            state.resize(width: width, height: height)
            let screen = BrowserView.frame(state)
            #expect(screen.width == width && screen.height == height)
            for command in [Command.toggleLanguage, .bottom, .pageDown, .up, .toggleLanguage] { _ = state.apply(command) }
            _ = BrowserView.frame(state)
            state.resize(width: 80, height: 24)
            _ = BrowserView.frame(state)
        }
    }

    @Test func anEmptyCatalogueStillBrowses() {
        let empty = ServiceCatalogue(
            metadata: Fixture.catalogue().metadata, sources: [], pointTypes: [], domains: [], items: [], points: [],
            standards: [], subdistricts: [], landmarks: [])
        var state = BrowserState(context: BrowserContext(catalogue: empty, bodies: Fixture.Bodies(texts: [:])))
        for command in [Command.down, .open, .details, .find, .insert("a"), .open, .cancel, .nearby, .submit, .cancel,
                        .radius(metres: 500), .filter, .submit, .help] {
            _ = state.apply(command)
            _ = BrowserView.frame(state)
        }
        #expect(state.page == .help(.nearby))
    }

    @Test func aMissingBodySaysSoInTheReader() {
        var state = BrowserState(context: BrowserContext(catalogue: Fixture.catalogue(), bodies: Fixture.Bodies(texts: [:])))
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        #expect(BrowserView.frame(state).rowText(1) == " 无法读取正文：no body for S1")
    }
}
