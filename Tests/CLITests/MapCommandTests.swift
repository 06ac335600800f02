import Catalogue
import Foundation
import Geodesy
import Testing

@Suite struct MapCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func textMapHasAHeadingAndTheCanvasAtTheAskedSize() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--size", "40x10", "--radius", "500"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == MapCommandTests.fixtureText)
    }

    @Test func asciiTextMapUsesPlainCharactersAndDomainDigits() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--size", "40x10", "--radius", "500", "--ascii"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == MapCommandTests.fixtureASCII)
    }

    @Test func legendsSayOfficialPointsAreDrawnAsReferencePointsAre() throws {
        let folder = try CoverageCommandTests.officialCatalogue()
        defer { try? FileManager.default.removeItem(at: folder); fuwu.cleanUp() }
        let text = try fuwu.run(["map", "--catalogue", folder.path, "--at", "测试站", "--size", "80x24", "--radius", "500"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1  数字：官方/参考数据"), "\(text.stdout)")
        #expect(!text.stdout.contains("数字：参考数据"))
        let svg = try fuwu.run(["map", "--catalogue", folder.path, "--at", "测试站", "--radius", "500", "--format", "svg", "--lang", "en"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains(">official/reference data (filled)</text>"), "\(svg.stdout)")
        #expect(svg.stdout.contains(">1 official, 0 reference and 1 sample points drawn</text>"), "\(svg.stdout)")
        // Without official points the legend stays as it was.
        let plain = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--size", "80x24", "--radius", "500"])
        #expect(plain.stdout.contains("1  数字：参考数据"))
    }

    @Test func badSizesAndAspectsAreUsageErrors() throws {
        defer { fuwu.cleanUp() }
        let size = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--size", "10x2"])
        #expect(size.status == 64)
        #expect(size.stderr.contains("--size 须为“列x行”，如 100x30，至少 20x6，最大 1000x1000"))
        let aspect = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--cell-aspect", "3:0"])
        #expect(aspect.status == 64)
        #expect(aspect.stderr.contains("--cell-aspect"))
        let format = try fuwu.run(["map", "--catalogue", fixture, "--at", "测试站", "--format", "png"])
        #expect(format.status == 64)
    }

    @Test func anUnknownPlaceIsReportedAsNearbyReportsIt() throws {
        defer { fuwu.cleanUp() }
        let map = try fuwu.run(["map", "--catalogue", fixture, "--at", "不存在的地方"])
        let nearby = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "不存在的地方"])
        #expect(map.status == nearby.status)
        #expect(map.status != 0)
        #expect(map.stderr == nearby.stderr)
        #expect(map.stdout.isEmpty)
    }

    /// Every located Futian point in the SVG sits where bearing and distance on the ellipsoid put
    /// it, every circle vertex lies at its radius, and the document is valid XML that renders.
    @Test func svgOfTheWholeDistrictPlacesEveryPointAndCircleExactly() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["map", "--at", "22.5431,114.0579", "--radius", "8000", "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = result.stdout
        let folder = FuwuProcess.packageRoot.appendingPathComponent("data/futian")
        let catalogue = try #require(CatalogueLoader.load(folder: folder).loaded?.catalogue)
        let origin = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        #expect(svg.contains("data-lat=\"22.5431\" data-lng=\"114.0579\""))

        let circle = try Regex(#"<circle cx="(-?[0-9.]+)" cy="(-?[0-9.]+)" [^>]*data-id="([^"]+)""#)
        var placed: [String: (Double, Double)] = [:]
        for match in svg.matches(of: circle) {
            guard let x = Double(match.output[1].substring ?? ""), let y = Double(match.output[2].substring ?? ""),
                  let id = match.output[3].substring else { continue }
            placed[String(id)] = (x, y)
        }
        let located = catalogue.points.filter { $0.location != nil }
        #expect(placed.count == located.count)
        var worst = 0.0
        for point in located {
            guard let location = point.location, let (x, y) = placed[point.id] else {
                Issue.record("\(point.id) is missing from the SVG")
                continue
            }
            let geodesic = Geodesic.wgs84.inverse(from: origin, to: location)
            let bearing = geodesic.initialBearingDegrees * .pi / 180
            let east = geodesic.distanceMetres * sin(bearing), north = geodesic.distanceMetres * cos(bearing)
            worst = max(worst, abs(x - east), abs(y + north))
        }
        // One dot of the finest default terminal map (200×60 at 1500 m) is about 8 m.
        #expect(worst < 8, "worst SVG offset \(worst) m")

        let polygon = try Regex(#"data-radius-m="([0-9.]+)" points="([^"]+)""#)
        var circles = 0
        for match in svg.matches(of: polygon) {
            let radius = try #require(Double(match.output[1].substring ?? ""))
            circles += 1
            for pair in (match.output[2].substring ?? "").split(separator: " ") {
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                // The plane at the origin is within 0.06 mm of the geodesic at 10 km (Geodesy's tests).
                let distance = (xy[0] * xy[0] + xy[1] * xy[1]).squareRoot()
                #expect(abs(distance - radius) <= 0.5, "vertex \(pair) of the \(radius) m circle is \(distance) m out")
            }
        }
        #expect(circles == 4)
    }

    @Test(.enabled(if: MapCommandTests.tool("xmllint") != nil && MapCommandTests.tool("rsvg-convert") != nil,
                   "needs xmllint (libxml2-utils) and rsvg-convert (librsvg2-bin); .ci/run installs them"))
    func svgIsValidXMLAndRendersToPNG() throws {
        defer { fuwu.cleanUp() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for lang in ["zh", "en"] {
            let result = try fuwu.run(["map", "--at", "市民中心", "--format", "svg", "--lang", lang, "--domain", "病有良医"])
            #expect(result.status == 0, "\(result.stderr)")
            let file = folder.appendingPathComponent("map-\(lang).svg")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            for (tool, arguments) in [("xmllint", ["--noout", file.path]),
                                      ("rsvg-convert", ["-o", folder.appendingPathComponent("map-\(lang).png").path, file.path])] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: try #require(Self.tool(tool)))
                process.arguments = arguments
                let err = Pipe()
                process.standardError = err
                try process.run()
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(tool): \(message)")
            }
        }
    }

    static let fixtureText = """
    测试站（地铁站 M-test） · 500 米内 2 个
    ↑N  ⢀⡞         ⢀⠤⠴⠒⠒⠒⠒⠦⠤⡀         ⢳⡀
        ⡜        ⢠⠒⠁        ⠈⠒⡄        ⢣
       ⢸⠁       ⡔⠁           2⠈⢢       ⠈⡇
       ⡞       ⢰⠃              ⠘⡆       ⢳
       ⡇       ⢸        @       ⡇       ⢸
       ⢧       ⠸⡄              ⢠⠇       ⡼
       ⢸⡀       ⠣⡀            ⢀⠜       ⢀⡇
        ⢣        ⠘⠤⡀a       ⢀⠤⠃        ⡜
    ├──────┤ 500 米⠈⠒⠲⠤⠤⠤⠤⠖⠒⠁         ⡼⠁

    """
    static let fixtureASCII = """
    测试站（地铁站 M-test） · 500 米内 2 个
    ^N  ++         ##########         ++
        +        ###        ###        +
       ++       ##           2##       ++
       +       ##              ##       +
       +       #        @       #       +
       +       ##              ##       +
       ++       ##            ##       ++
        +        ###a       ###        +
    |------| 500 米##########         ++

    """
}
