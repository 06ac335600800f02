import BrowserUI
import Testing
@testable import CursesTerminal

@Suite struct CellAppearanceTests {
    @Test func eachStyleHasItsAttributesAndPair() {
        let expected: [Style: CellAppearance] = [
            .normal: CellAppearance(attributes: []),
            .title: CellAppearance(attributes: [.bold], pair: .heading),
            .selected: CellAppearance(attributes: [.reverse]),
            .dim: CellAppearance(attributes: [.dim]),
            .match: CellAppearance(attributes: [.bold, .underline], pair: .match),
            .border: CellAppearance(attributes: [], pair: .border),
            .keyBar: CellAppearance(attributes: []),
            .key: CellAppearance(attributes: [.reverse, .bold]),
            .warning: CellAppearance(attributes: [.bold], pair: .warning),
            .status: CellAppearance(attributes: [.reverse], pair: .accent),
            .field: CellAppearance(attributes: [.underline]),
            .mapBoundary: CellAppearance(attributes: [.dim]),
            .mapOverlay: CellAppearance(attributes: [.bold], pair: .warning),
            .mapCircle: CellAppearance(attributes: [], pair: .border),
            .mapCurrentCircle: CellAppearance(attributes: [.bold], pair: .heading),
            .mapOrigin: CellAppearance(attributes: [.bold], pair: .warning),
            .otherPoint: CellAppearance(attributes: [.bold]),
        ]
        for style in Style.allCases where style.mapDomainIndex == nil {
            #expect(CellAppearance.of(style, colour: true) == expected[style], "\(style)")
        }
    }

    @Test func mapPointsAreBoldOrDimAndTakeTheirDomainColourOnlyOn256Colours() {
        for index in 0..<9 {
            let reference = Style.mapPoint(domainIndex: index, sample: false)
            let sample = Style.mapPoint(domainIndex: index, sample: true)
            #expect(CellAppearance.of(reference, colour: true, domainColours: true)
                    == CellAppearance(attributes: [.bold], pair: ColourPair.domains[index]))
            #expect(CellAppearance.of(sample, colour: true, domainColours: true)
                    == CellAppearance(attributes: [.dim], pair: ColourPair.domains[index]))
            #expect(CellAppearance.of(reference, colour: true, domainColours: false) == CellAppearance(attributes: [.bold]))
            #expect(CellAppearance.of(sample, colour: false, domainColours: true) == CellAppearance(attributes: [.dim]))
        }
        #expect(ColourPair.domains.map(\.foreground) == [214, 74, 36, 166, 175, 25, 178, 137, 98])
    }

    @Test func withoutColourNoPairIsUsedAndTheAttributesStay() {
        for style in Style.allCases {
            let plain = CellAppearance.of(style, colour: false)
            #expect(plain.pair == nil, "\(style)")
            #expect(plain.attributes == CellAppearance.of(style, colour: true).attributes, "\(style)")
        }
    }

    @Test func everyStyleThatMeansSomethingHasANonColourCue() {
        // Borders and the key bar's background are positional; everything else must survive NO_COLOR.
        for style in Style.allCases where ![.normal, .border, .keyBar, .mapCircle].contains(style) {
            #expect(!CellAppearance.of(style, colour: false).attributes.isEmpty, "\(style)")
        }
        #expect(CellAppearance.of(.selected, colour: false).attributes.contains(.reverse))
        #expect(CellAppearance.of(.match, colour: false).attributes.isSuperset(of: [.bold, .underline]))
    }

    @Test func attributeBitsMatchTheShim() {
        #expect(CellAppearance.Attributes.bold.rawValue == 1)
        #expect(CellAppearance.Attributes.reverse.rawValue == 2)
        #expect(CellAppearance.Attributes.underline.rawValue == 4)
        #expect(CellAppearance.Attributes.dim.rawValue == 8)
    }

    @Test func colourPairsAreNumberedFromOneWithAnsiForegrounds() {
        #expect(ColourPair.allCases.map(\.rawValue) == Array(1...14))
        #expect(ColourPair.basic.map(\.foreground) == [6, 3, 1, 4, 4])
    }
}
