import Catalogue
import Foundation
import Geodesy
import Testing
@testable import ServiceMap

@Suite struct MapGeometryTests {
    static let origin = GeoCoordinate(latitude: 22.5229, longitude: 114.0557)

    @Test(arguments: [500.0, 1000, 1500, 5000])
    func everyCircleVertexLiesAtTheRadiusWithinHalfAMetre(radius: Double) {
        let circle = GeodesicCircle(centre: Self.origin, radiusMetres: radius)
        #expect(circle.vertices.count >= 72)
        for vertex in circle.vertices {
            let distance = Geodesic.wgs84.inverse(from: Self.origin, to: vertex).distanceMetres
            #expect(abs(distance - radius) <= 0.5)
        }
    }

    @Test func circleChordsStayWithinAQuarterMetreOfTheCircle() {
        let radius = 1500.0
        let circle = GeodesicCircle(centre: Self.origin, radiusMetres: radius)
        let sagitta = radius * (1 - cos(Double.pi / Double(circle.vertices.count)))
        #expect(sagitta <= GeodesicCircle.chordSagittaMetres)
    }

    @Test func projectedCirclesAreRoundOnSquareDots() {
        let scene = MapScene(origin: Self.origin, radiiMetres: [1000], currentRadiusMetres: 1000,
                             district: [], subdistricts: [], markers: [])
        for point in scene.circles[0].ring {
            let r = (point.eastMetres * point.eastMetres + point.northMetres * point.northMetres).squareRoot()
            #expect(abs(r - 1000) < 0.5)
        }
    }

    @Test func aDefaultViewFitsTheRadiusWithSquareDotsAtOneToTwoCells() {
        let view = MapViewport.fitting(radiusMetres: 1500, columns: 80, rows: 21)
        #expect(view.dotsWide == 160 && view.dotsHigh == 84)
        #expect(view.metresPerDotNorth == view.metresPerDotEast)
        #expect(Double(view.dotsHigh) * view.metresPerDotNorth >= 3000)
        let wideCells = MapViewport.fitting(radiusMetres: 1500, columns: 80, rows: 21, cellAspect: 1)
        #expect(wideCells.metresPerDotNorth == wideCells.metresPerDotEast / 2)
    }

    @Test func zoomStepsScaleBySquareRootOfTwo() {
        let base = MapViewport.fitting(radiusMetres: 1000, columns: 40, rows: 10)
        let closer = MapViewport.fitting(radiusMetres: 1000, columns: 40, rows: 10, zoomSteps: 2)
        #expect(abs(base.metresPerDotEast / closer.metresPerDotEast - 2) < 1e-12)
    }

    @Test func brailleDotsUseTheStandardBitOrder() {
        var raster = BrailleRaster(columns: 1, rows: 1)
        #expect(raster.character(row: 0, column: 0) == " ")
        raster.plot(x: 0, y: 0, layer: .point)
        #expect(raster.character(row: 0, column: 0) == "⠁")
        raster.plot(x: 1, y: 3, layer: .point)
        #expect(raster.character(row: 0, column: 0) == "⢁")
        for (x, y) in [(0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2)] { raster.plot(x: x, y: y, layer: .point) }
        #expect(raster.character(row: 0, column: 0) == "⣿")
    }

    @Test func aCellShowsOnlyItsHighestLayer() {
        var raster = BrailleRaster(columns: 1, rows: 1)
        raster.plot(x: 0, y: 0, layer: .boundary)
        raster.plot(x: 1, y: 1, layer: .circle)
        #expect(raster.character(row: 0, column: 0) == "⠐")
        #expect(raster.layer(row: 0, column: 0) == .circle)
        raster.plot(x: 0, y: 2, layer: .point, tag: 7)
        raster.plot(x: 1, y: 2, layer: .point, tag: 3)
        raster.plot(x: 0, y: 3, layer: .boundary)
        #expect(raster.character(row: 0, column: 0) == "⠤")
        #expect(raster.tag(row: 0, column: 0) == 7)
    }

    @Test func linesAreClippedToTheCanvas() {
        var raster = BrailleRaster(columns: 2, rows: 1)
        raster.line(from: (-100, 1.5), to: (100, 1.5), layer: .circle)
        #expect(raster.character(row: 0, column: 0) == "⠒")
        #expect(raster.character(row: 0, column: 1) == "⠒")
        var untouched = BrailleRaster(columns: 2, rows: 1)
        untouched.line(from: (-10, -10), to: (10, -1), layer: .circle)
        #expect(untouched == BrailleRaster(columns: 2, rows: 1))
    }

    @Test func theNearestPointAndTheSelectedPointOutrankOthersInTheirCell() {
        func marker(_ id: String, east: Double, domain: Int) -> MapMarker {
            MapMarker(pointID: id, name: id, typeName: "", domainIndex: domain, isSample: false,
                      position: MapPoint(eastMetres: east, northMetres: 300), distanceMetres: abs(east))
        }
        let scene = MapScene(origin: Self.origin, radiiMetres: [], currentRadiusMetres: 1000, district: [],
                             subdistricts: [], markers: [marker("a", east: 10, domain: 2), marker("b", east: 12, domain: 5)])
        let view = MapViewport(columns: 10, rows: 10, centre: MapPoint(eastMetres: 0, northMetres: 0), metresPerDotEast: 100)
        let plain = scene.raster(view)
        let cell = (row: 4, column: 5)
        #expect(plain.layer(row: cell.row, column: cell.column) == .nearestPoint)
        #expect(plain.tag(row: cell.row, column: cell.column) == 4)
        let selected = scene.raster(view, selectedPointID: "b")
        #expect(selected.layer(row: cell.row, column: cell.column) == .selectedPoint)
        #expect(selected.tag(row: cell.row, column: cell.column) == 10)
    }

    /// Every located Futian point, placed by bearing and distance on the ellipsoid (an azimuthal
    /// route that shares no code with the plane), lands within one dot of where the map puts it.
    @Test func everyLocatedFutianPointLandsInItsDotByAnIndependentRoute() throws {
        let loaded = try #require(FutianCatalogue.loaded)
        let points = loaded.catalogue.points.compactMap(\.location)
        #expect(points.count > 1700)
        for origin in [Self.origin, GeoCoordinate(latitude: 22.5431, longitude: 114.0579)] {
            let projection = MapProjection(origin: origin)
            // The browser's default view at 200×60 and at 80×24 (the finest scales it starts with).
            for view in [MapViewport.fitting(radiusMetres: 1500, columns: 200, rows: 56),
                         MapViewport.fitting(radiusMetres: 1500, columns: 80, rows: 20)] {
                var worst = 0.0
                for point in points {
                    let geodesic = Geodesic.wgs84.inverse(from: origin, to: point)
                    let bearing = geodesic.initialBearingDegrees * Double.pi / 180
                    let east = geodesic.distanceMetres * sin(bearing), north = geodesic.distanceMetres * cos(bearing)
                    let expectedX = east / view.metresPerDotEast + Double(view.dotsWide) / 2
                    let expectedY = -north / view.metresPerDotNorth + Double(view.dotsHigh) / 2
                    let placed = view.dotPosition(projection.project(point))
                    worst = max(worst, abs(placed.x.rounded(.down) - expectedX.rounded(.down)),
                                abs(placed.y.rounded(.down) - expectedY.rounded(.down)))
                }
                #expect(worst <= 1, "a point is \(worst) dots from its independent position")
            }
        }
    }
}
