import Foundation
import Geodesy
import Testing
@testable import ServiceMap

@Suite struct MapSVGTests {
    static let origin = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)

    static func document(names: [String] = ["深圳图书馆"], title: String = "福田区 · 附近地图") -> String {
        let projection = MapProjection(origin: origin)
        let markers = names.enumerated().map { index, name in
            MapMarker(pointID: "P\(index)", name: name, typeName: "图书馆", domainIndex: index % 9, isSample: index % 2 == 1,
                      position: projection.project(GeoCoordinate(latitude: 22.5431 + 0.001 * Double(index + 1), longitude: 114.0579)),
                      distanceMetres: 110.7 * Double(index + 1))
        }
        let district = MapOutline(name: "区", rings: [[GeoCoordinate(latitude: 22.53, longitude: 114.04),
                                                      GeoCoordinate(latitude: 22.56, longitude: 114.04),
                                                      GeoCoordinate(latitude: 22.56, longitude: 114.07)]])
        let scene = MapScene(origin: origin, radiiMetres: [500, 1000, 1500], currentRadiusMetres: 1000,
                             district: [district], subdistricts: [district], markers: markers)
        let labels = MapSVG.Labels(title: title, subtitle: "市民中心 · 1000 米", domainNames: ["幼有善育", "学有优教"],
                                   reference: "参考", sample: "样例", origin: "市民中心", circles: "500/1000/1500 米",
                                   boundaries: "街道边界为手绘", provenance: ["数据：测试"], metreUnit: " 米",
                                   pointTitle: { "\($0.name) · \($0.typeName) · \(Int($0.distanceMetres.rounded())) 米" })
        return MapSVG(scene: scene, labels: labels).document()
    }

    @Test func textIsEscapedAndControlCharactersMadeVisible() {
        #expect(XMLText.escaped("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(XMLText.escaped("x\u{1B}[31my\u{0}z") == "x\\u{1B}[31my\\u{0}z")
        #expect(XMLText.escaped("\u{FFFE}\u{202E}") == "\u{FFFD}\\u{202E}")
        #expect(XMLText.escaped("福田\tA") == "福田 A")
    }

    @Test func numbersAreShortAndNeverNegativeZero() {
        #expect(MapSVG.number(-0.001) == "0")
        #expect(MapSVG.number(12.5) == "12.5")
        #expect(MapSVG.number(-3.04) == "-3.04")
        #expect(MapSVG.number(1500) == "1500")
    }

    @Test func scaleBarsAreRoundLengths() {
        #expect(MapSVG.scaleBarMetres(maximum: 1035) == 1000)
        #expect(MapSVG.scaleBarMetres(maximum: 999) == 500)
        #expect(MapSVG.scaleBarMetres(maximum: 260) == 200)
    }

    @Test func theDocumentHasATitlePerPointHollowSamplesAndNonScalingStrokes() {
        let svg = Self.document(names: ["深圳图书馆", "样例点"])
        #expect(svg.contains("<title>深圳图书馆 · 图书馆 · 111 米</title>"))
        #expect(svg.contains("fill=\"#ffffff\" stroke=\"#5fafd7\""))   // the sample point, hollow
        #expect(svg.contains("fill=\"#ffaf00\" stroke=\"#333333\""))   // the reference point, filled
        #expect(svg.contains("vector-effect:non-scaling-stroke"))
        #expect(svg.contains("Noto Sans CJK SC"))
        #expect(svg.contains("viewBox=\"-1725 -1725 "))
        #expect(svg.contains("data-radius-m=\"1500\""))
    }

    /// Control characters in catalogue text are not even allowed as character references, so
    /// a hostile name must still give a document xmllint accepts and rsvg-convert renders.
    @Test(.enabled(if: ExternalTool.path("xmllint") != nil && ExternalTool.path("rsvg-convert") != nil,
                   "needs xmllint (libxml2-utils) and rsvg-convert (librsvg2-bin); .ci/run installs them"))
    func hostileTextStillGivesValidXMLThatRenders() throws {
        let svg = Self.document(names: ["a\u{1}b\u{1B}[2J<script>&amp;\u{FFFE}\u{202E}", "]]><x/>"], title: "t\u{7}<")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("map.svg")
        try svg.write(to: file, atomically: true, encoding: .utf8)
        let lint = try ExternalTool.run(try #require(ExternalTool.path("xmllint")), ["--noout", file.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let png = folder.appendingPathComponent("map.png")
        let render = try ExternalTool.run(try #require(ExternalTool.path("rsvg-convert")), ["-o", png.path, file.path])
        #expect(render.status == 0, "\(render.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int ?? 0
        #expect(size > 1000)
    }
}
