import Foundation
import Geodesy
import Testing
@testable import Catalogue

@Suite struct NearbyLocationResolverTests {
    let resolver = LocationResolver(catalogue: NearbyFixture.catalogue)

    @Test func readsWGS84CoordinatesAsGiven() throws {
        let location = try resolver.resolve("22.5431,114.0579")
        #expect(location.source == .coordinates)
        #expect(location.datumRead == .wgs84)
        #expect(location.origin == GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
        #expect(location.englishLabel == "coordinates 22.543100,114.057900 (WGS-84)")
        #expect(location.chineseLabel == "坐标 22.543100,114.057900（WGS-84）")
    }

    @Test func convertsGCJ02AndBD09CoordinatesToWGS84AndSaysWhichWasRead() throws {
        let wgs = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        let gcj = wgs.converted(from: .wgs84, to: .gcj02)
        let bd = wgs.converted(from: .wgs84, to: .bd09)
        let fromGCJ = try resolver.resolve("\(gcj.latitude),\(gcj.longitude)", datum: .gcj02)
        #expect(fromGCJ.datumRead == .gcj02)
        #expect(fromGCJ.coordinateRead == gcj)
        #expect(fromGCJ.origin.distanceMetres(to: wgs) < 1e-4)
        let fromBD = try resolver.resolve("\(bd.longitude)，\(bd.latitude)", datum: .bd09, order: .longitudeFirst)
        #expect(fromBD.datumRead == .bd09)
        #expect(fromBD.origin.distanceMetres(to: wgs) < 1e-4)
    }

    @Test func reportsEachKindOfBadCoordinateOnItsOwn() throws {
        #expect(throws: NearbyError.coordinates(.notANumber("22.5x"))) { try resolver.resolve("22.5x,114.05") }
        #expect(throws: NearbyError.coordinates(.latitudeOutOfRange(114.05, order: .latitudeFirst, swappedOrderFits: true))) {
            try resolver.resolve("114.05,22.54", detectOrder: false)
        }
        // By default the order that falls in Shenzhen is taken, and the answer says so.
        #expect(try resolver.resolve("114.05,22.54").orderSwapped)
        #expect(throws: NearbyError.coordinates(.wrongNumberOfValues(text: "22.5,114.0,3", count: 3))) {
            try resolver.resolve("22.5,114.0,3")
        }
        #expect(throws: NearbyError.neitherOrderInRegion(text: "39.9042,116.4074", region: .shenzhen)) {
            try resolver.resolve("39.9042,116.4074")
        }
        do {
            _ = try resolver.resolve("39.9042,116.4074", detectOrder: false)
            Issue.record("Beijing was accepted")
        } catch {
            guard case .coordinates(.outsideRegion(let name, _, let distance)) = error else {
                Issue.record("unexpected \(error)"); return
            }
            #expect(name == "Shenzhen")
            #expect(abs(distance - 1_898_474.9886) < 1e-3)
            #expect(error.exitStatus == 65)
        }
        #expect(throws: NearbyError.emptyLocation) { try resolver.resolve("  ") }
    }

    @Test func aSubdistrictCodeOfDigitsIsThatSubdistrictNotABadCoordinate() throws {
        for text in ["440304004", " 440304004 ", "４４０３０４００４"] {
            let location = try resolver.resolve(text)
            guard case .place(let place) = location.source else { Issue.record("\(text): \(location.source)"); continue }
            #expect(place.kind == .subdistrict, "\(text)")
            #expect(place.id == "440304004", "\(text)")
            #expect(place.name == "福田街道", "\(text)")
        }
        // A lone number that is no code is still read as (too short) coordinates.
        #expect(throws: NearbyError.coordinates(.wrongNumberOfValues(text: "440304999", count: 1))) {
            try resolver.resolve("440304999")
        }
    }

    @Test func findsAMetroStationWithOrWithoutTheWordStation() throws {
        for text in ["市民中心", "市民中心站", "市民中心地铁站", " 市民中心 ", "m-shiminzhongxin"] {
            let location = try resolver.resolve(text)
            #expect(location.source == .place(LocationCandidate(kind: .landmark, id: "M-shiminzhongxin", name: "市民中心",
                                                                location: NearbyFixture.civicCentreStation)), "\(text)")
            #expect(location.datumRead == .wgs84)
        }
    }

    @Test func findsAServicePointByIdOrName() throws {
        let byID = try resolver.resolve("p0002")
        guard case .place(let place) = byID.source else { Issue.record("not a place"); return }
        #expect(place.kind == .servicePoint)
        #expect(place.name == "岗厦社康")
        let byName = try resolver.resolve("莲花山")
        #expect(byName.englishLabel == "莲花山图书馆 (service point P0006)")
    }

    @Test func prefersTheWholeNameAndMentionsTheOtherPlaceOfTheSameName() throws {
        let station = try resolver.resolve("福田")
        #expect(station.chineseLabel == "福田（地铁站 M-futian）")
        #expect(station.alsoMatched.map(\.name) == ["福田街道", "福田社区"])
        let subdistrict = try resolver.resolve("福田街道")
        #expect(subdistrict.origin == GeoCoordinate(latitude: 22.530582, longitude: 114.064769))
        #expect(subdistrict.note == "derived centroid")
        #expect(subdistrict.alsoMatched == [])
        #expect(try resolver.resolve("futian").englishLabel == "福田街道 (subdistrict)")
        #expect(try resolver.resolve("福田站").alsoMatched == [])
    }

    @Test func listsTheCandidatesOfAnAmbiguousName() {
        do {
            _ = try resolver.resolve("社康")
            Issue.record("an ambiguous name resolved")
        } catch {
            #expect(error.englishMessage == """
            “社康” matches 4 places; say which one (by its full name or id):
              市民中心社康 (service point P0001)
              岗厦社康 (service point P0002)
              会展中心社康 (service point P0005)
              景田社康 (service point P0007)
            """)
            #expect(error.exitStatus == 64)
        }
    }

    @Test func aCommunityStandsAtItsSubdistrictCentreAndSaysSo() throws {
        let resolved = try resolver.resolve("水围")
        #expect(resolved.origin == GeoCoordinate(latitude: 22.530582, longitude: 114.064769))
        #expect(resolved.communityStandIn?.community == "水围社区")
        #expect(resolved.communityStandIn?.subdistrict == "福田街道")
        #expect(resolved.note == "derived centroid")
    }

    @Test func explainsWhenACommunityHasNoRepresentativePoint() {
        #expect(throws: NearbyError.communityHasNoLocation(community: "香岭社区", subdistrict: "香蜜湖街道")) {
            try resolver.resolve("香岭")
        }
        let error = NearbyError.communityHasNoLocation(community: "水围社区", subdistrict: "福田街道")
        #expect(error.englishMessage == "水围社区 is a community, and the catalogue has no coordinates for communities. Use its subdistrict instead: --at 福田街道.")
        #expect(error.chineseMessage == "水围社区是社区，目录中没有社区的坐标。可改用所属街道：--at 福田街道。")
    }

    @Test func refusesPlacesWithoutALocationAndNamesThatMatchNothing() {
        #expect(throws: NearbyError.placeHasNoLocation(LocationCandidate(kind: .servicePoint, id: "P0007", name: "景田社康",
                                                                          location: nil))) {
            try resolver.resolve("景田社康")
        }
        #expect(throws: NearbyError.placeHasNoLocation(LocationCandidate(kind: .subdistrict, id: "440304005", name: "香蜜湖街道",
                                                                          location: nil))) {
            try resolver.resolve("香蜜湖街道")
        }
        #expect(throws: NearbyError.noPlaceMatches("火星")) { try resolver.resolve("火星") }
        #expect(NearbyError.noPlaceMatches("火星").exitStatus == 66)
    }

    @Test func usesThePluggableAlternativeMatcherOnlyWhenNothingElseMatches() throws {
        let scorer = LocationResolver(catalogue: NearbyFixture.catalogue, alternativeMatch: { text in { name in
            if text == "福田" && name == "福田" { return 99 }
            guard text == "hzzx", name.hasPrefix("会展中心") else { return nil }
            return name == "会展中心" ? 2 : 1
        } })
        #expect(try scorer.resolve("hzzx").englishLabel == "会展中心 (metro station M-huizhanzhongxin)")
        // 福田 matches the text itself, so the alternative's high score for it is never asked for.
        #expect(try scorer.resolve("福田").alsoMatched.map(\.name) == ["福田街道", "福田社区"])
        #expect(throws: NearbyError.noPlaceMatches("hzzx")) { try resolver.resolve("hzzx") }
    }

    @Test func theAlternativeIsPreparedOnceAQueryNotOnceAName() throws {
        final class Count: @unchecked Sendable { var value = 0 }
        let preparations = Count()
        let scorer = LocationResolver(catalogue: NearbyFixture.catalogue, alternativeMatch: { _ in
            preparations.value += 1
            return { _ in nil }
        })
        _ = scorer.matches(for: "xyzq")
        #expect(preparations.value == 1)
    }

    @Test func textLongerThanAnyPlaceIsRefusedAtOnceWithTheLimit() throws {
        let long = String(repeating: "A", count: 8000)
        #expect(throws: NearbyError.locationTooLong(length: 8000, limit: 100)) { try resolver.resolve(long) }
        #expect(NearbyError.locationTooLong(length: 8000, limit: 100).exitStatus == 64)
        #expect(resolver.matches(for: long).best.isEmpty)
        // A hundred characters are still read as a name.
        #expect(throws: NearbyError.noPlaceMatches(String(repeating: "A", count: 100))) {
            try resolver.resolve(String(repeating: "A", count: 100))
        }
    }

    @Test func matchesPinyinAndInitialsWithTheSearchModulesKeys() throws {
        let c = NearbyFixture.catalogue
        let pinyin = LocationResolver(catalogue: c, alternativeMatch: LocationResolver.pinyinMatch(for: c))
        #expect(try pinyin.resolve("smzx").englishLabel == "市民中心 (metro station M-shiminzhongxin)")
        #expect(try pinyin.resolve("shiminzhongxin").englishLabel == "市民中心 (metro station M-shiminzhongxin)")
        #expect(try pinyin.resolve("lianhuashan").englishLabel == "莲花山图书馆 (service point P0006)")
        #expect(throws: NearbyError.noPlaceMatches("xyzq")) { try pinyin.resolve("xyzq") }
    }

    @Test func keysAndStemsTakenByteWiseAreThoseOfTheGeneralRules() {
        func generalKey(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map {
                (0xFF01...0xFF5E).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0) ?? $0 : $0
            })).lowercased().precomposedStringWithCanonicalMapping
        }
        func generalStem(_ key: String) -> String {
            for suffix in ["地铁站", "站", "街道", "社区"] where key.hasSuffix(suffix) && key.count > suffix.count {
                return String(key.dropLast(suffix.count))
            }
            return key
        }
        let texts = ["P0505", "DB4403/T 236", "Futian", "市民中心站", "站", "车公庙地铁站", "福田街道", "莲花社区", "社区",
                     "A站", "福田区样例社康中心001", "é站", "ＡＢ站", "Ｐ0001", "x\u{302A}站", "岗厦北站", "地铁站",
                     "x\u{302B}\u{302A}站", "福田（香蜜湖）社康 Ａ座", "莲花　北", "ｚ\u{FF5F}"]
        for text in texts {
            #expect(LocationResolver.key(text) == generalKey(text), "\(text)")
            #expect(LocationResolver.stem(LocationResolver.key(text)) == generalStem(generalKey(text)), "\(text)")
            // The resolver's flat keys: appended bytes and stem lengths, without making strings.
            var bytes: [UInt8] = [0x2A]
            LocationResolver.appendKey(of: text, to: &bytes)
            #expect(bytes == [0x2A] + Array(generalKey(text).utf8), "\(text)")
            #expect(LocationResolver.stemLength(ofKey: generalKey(text)) == generalStem(generalKey(text)).utf8.count, "\(text)")
        }
    }

    @Test func theByteWiseTestsDecideAsTheScalarRulesForEveryScalar() {
        func ownKey(_ v: UInt32) -> Bool {
            (0x21...0x40).contains(v) || (0x5B...0x7E).contains(v) || (0x3001...0x3029).contains(v)
                || (0x3030...0x303F).contains(v) || (0x3400...0x9FFF).contains(v)
        }
        for value in Array(0...0xD7FF) + Array(0xE000...0xFFFF) + [0x10000, 0x1F600, 0x20000, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            for text in [String(scalar), "福\(scalar)a", "a\(scalar)站", "\(scalar)社区"] {
                #expect(LocationResolver.isOwnKey(text) == text.unicodeScalars.allSatisfy { ownKey($0.value) },
                        "U+\(String(value, radix: 16))")
                #expect(LocationResolver.stemLength(ofKey: text) == LocationResolver.stem(text).utf8.count,
                        "U+\(String(value, radix: 16))")
                #expect(LocationResolver.key(text) == LocationResolver.generalKey(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func everyPlaceOfTheCatalogueMatchesByItsKeysAndStemsAsTheGeneralRulesSay() throws {
        // Each place found by its own name, id and code exactly; by its name without the suffix;
        // and nothing by text longer than every key.
        let c = NearbyFixture.catalogue
        for point in c.points {
            #expect(resolver.matches(for: point.id.lowercased()).best.contains { $0.kind == .servicePoint && $0.id == point.id })
            #expect(resolver.matches(for: point.name).best.contains { $0.id == point.id })
        }
        for subdistrict in c.subdistricts {
            #expect(resolver.matches(for: subdistrict.code).best.map(\.name) == [subdistrict.name])
            #expect(resolver.matches(for: subdistrict.pinyin.uppercased()).best.map(\.name) == [subdistrict.name])
            #expect(resolver.cataloguePlaces(named: subdistrict.name).map(\.id) == [subdistrict.code])
        }
        #expect(resolver.matches(for: String(repeating: "福", count: 99)).best.isEmpty)
        let shared = resolver.with(alternativeMatch: LocationResolver.pinyinMatch(for: c))
        #expect(try shared.resolve("smzx").englishLabel == "市民中心 (metro station M-shiminzhongxin)")
        #expect(throws: NearbyError.noPlaceMatches("smzx")) { try resolver.resolve("smzx") }
    }
}
