import Catalogue
import Foundation
import Geodesy
import Testing
@testable import fuwu

/// `nearby --at` with text that reads like coordinates builds the resolver over the points keyed
/// like coordinates only; the answer is the one the resolver over every place gives.
@Suite struct CoordinateShortcutTests {
    @Test func textReadLikeCoordinatesResolvesAsOverEveryPlace() throws {
        let folder = FuwuProcess.packageRoot.appendingPathComponent("data/futian")
        var catalogue = try #require(CatalogueLoader.load(folder: folder).loaded?.catalogue)
        var points = catalogue.points
        points[10].name = "22.5431, 114.0579"
        points[20].id = "22.53,114.05"
        let odd = ["\u{200B}22.5,114.1", " \u{3000}２２.５,１１４.１", "\u{FEFF}-22.5 114", "Ⅻ 12", "²2,3", "+1,2", "．5,6", "\t7 8"]
        for (offset, name) in odd.enumerated() { points[30 + offset].name = name }
        catalogue.points = points
        let keyedLikeCoordinates = points.indices.filter {
            CoordinateParser.looksLikeCoordinates(LocationResolver.placeKey(points[$0].id))
                || CoordinateParser.looksLikeCoordinates(LocationResolver.placeKey(points[$0].name))
        }
        #expect(catalogue.pointIndicesKeyedLikeCoordinates() == keyedLikeCoordinates)
        let compiled = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        #expect(compiled.pointIndicesKeyedLikeCoordinates() == keyedLikeCoordinates)
        #expect(keyedLikeCoordinates.starts(with: [10, 20]))
        let texts = ["22.5431, 114.0579", "22.53,114.05", "22.54,114.06", "114.06,22.54", "440304004", "22.5431，114.0579",
                     " 22.54 114.06 ", "1 2", "-22.5 114", "市民中心", "P0505", "22.54 N 114.06 E", "２２.５４,１１４.０６"] + odd
        for text in texts {
            for c in [catalogue, compiled] {
                let full = Result { () throws(NearbyError) in try LocationResolver(catalogue: c).resolve(text) }
                let fast = Result { () throws(NearbyError) in
                    try NearbyCommand.resolve(text, datum: .wgs84, longitudeFirst: false, in: c, savedPlaces: [], places: { .empty })
                }
                #expect(fast == full, "\(text)")
            }
        }
        #expect(NearbyCommand.pointsThatCouldShadowCoordinates("市民中心", in: compiled) == nil)
        #expect(NearbyCommand.pointsThatCouldShadowCoordinates("22.54,114.06", in: compiled)?.points.map(\.id)
            == keyedLikeCoordinates.map { points[$0].id })
    }
}
