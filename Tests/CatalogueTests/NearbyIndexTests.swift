import Foundation
import Geodesy
import Testing
@testable import Catalogue

@Suite struct NearbyIndexTests {
    let index = NearbyIndex(catalogue: NearbyFixture.catalogue)
    let origin = NearbyFixture.civicCentreStation

    @Test func listsPointsNearestFirstWithTiesByIdAndBearings() throws {
        let result = index.query(try NearbyQuery(origin: origin, radiusMetres: 1500))
        #expect(result.hits.map(\.point.id) == ["P0003", "P0001", "P0002", "P0004", "P0005"])
        #expect(result.totalWithinRadius == 5)
        let distances = result.hits.map { ($0.distanceMetres * 1000).rounded() / 1000 }
        #expect(distances == [320, 450, 980, 1200, 1200])
        #expect(result.hits.map(\.compass.abbreviation) == ["N", "S", "E", "S", "S"])
        #expect(result.hits.map { ($0.bearingDegrees * 1e3).rounded() / 1e3 } == [10, 200, 100, 185, 185])
        #expect(result.hits.map(\.walkingMinutes) == [6, 8, 17, 20, 20])
        #expect(result.hits.map(\.domainID) == ["D9", "D4", "D4", "D9", "D4"])
    }

    @Test func keepsPointsWithoutALocationVisible() throws {
        let result = index.query(try NearbyQuery(origin: origin, radiusMetres: 500))
        #expect(result.unlocatedPoints.map(\.id) == ["P0007"])
        let libraries = index.query(try NearbyQuery(origin: origin, radiusMetres: 500, pointTypeID: "tushuguan"))
        #expect(libraries.unlocatedPoints.isEmpty)
    }

    @Test func summarisesEachDomainInTheThreeCirclesAndNamesTheEmptyOnes() throws {
        let result = index.query(try NearbyQuery(origin: origin, radiusMetres: 500))
        #expect(result.summaryRadiiMetres == [500, 1000, 1500])
        #expect(result.domainCounts.map(\.domain.id) == ["D1", "D4", "D9"])
        #expect(result.domainCounts.map(\.counts) == [[0, 0, 0], [1, 2, 3], [1, 1, 2]])
        #expect(result.domainsWithNothing(withinMetres: 500)?.map(\.id) == ["D1"])
        #expect(result.domainsWithNothing(withinMetres: 750) == nil)
        #expect(result.count(ofDomain: "D4", withinMetres: 1000) == 2)
    }

    @Test func addsTheQueryRadiusToTheSummaryWhenItIsNotAStandardCircle() throws {
        let result = index.query(try NearbyQuery(origin: origin, radiusMetres: 3000))
        #expect(result.summaryRadiiMetres == [500, 1000, 1500, 3000])
        #expect(result.domainCounts.map(\.counts) == [[0, 0, 0, 0], [1, 2, 3, 3], [1, 1, 2, 3]])
        #expect(result.hits.last?.point.id == "P0006")
    }

    @Test func appliesFiltersAndTheLimitButCountsEverything() throws {
        let c = NearbyFixture.catalogue
        let health = index.query(try NearbyQuery(origin: origin, radiusMetres: 1500, domain: "病有良医", item: nil,
                                                 pointType: nil, subdistrict: nil, limit: 2, in: c))
        #expect(health.hits.map(\.point.id) == ["P0001", "P0002"])
        #expect(health.totalWithinRadius == 3)
        #expect(health.domainCounts.map(\.domain.id) == ["D4"])
        let byItem = index.query(try NearbyQuery(origin: origin, radiusMetres: 1500, domain: nil, item: "D9-01",
                                                 pointType: nil, subdistrict: nil, limit: nil, in: c))
        #expect(byItem.hits.map(\.point.id) == ["P0003", "P0004"])
        #expect(byItem.domainCounts.map(\.domain.id) == ["D9"])
        let bySubdistrict = index.query(try NearbyQuery(origin: origin, radiusMetres: 1500, domain: nil, item: nil,
                                                        pointType: "社康中心", subdistrict: "香蜜湖", limit: nil, in: c))
        #expect(bySubdistrict.hits.map(\.point.id) == ["P0002"])
    }

    @Test func rejectsBadRadiiLimitsAndFilters() {
        #expect(throws: NearbyError.radiusOutOfRange(0)) { try NearbyQuery(origin: origin, radiusMetres: 0) }
        #expect(throws: NearbyError.radiusOutOfRange(50_001)) { try NearbyQuery(origin: origin, radiusMetres: 50_001) }
        #expect(throws: NearbyError.limitOutOfRange(0)) { try NearbyQuery(origin: origin, radiusMetres: 500, limit: 0) }
        #expect(throws: NearbyError.unknownFilter(kind: .pointType, text: "学校",
                                                  known: ["youeryuan 幼儿园", "shekang 社康中心", "tushuguan 图书馆"])) {
            try NearbyQuery(origin: origin, radiusMetres: 500, domain: nil, item: nil, pointType: "学校", subdistrict: nil,
                            limit: nil, in: NearbyFixture.catalogue)
        }
    }

    @Test func equalsBruteForceForManyOriginsRadiiAndFilters() throws {
        var origins = NearbyFixture.catalogue.landmarks.map(\.location)
        origins.append(GeoCoordinate(latitude: 22.60, longitude: 114.20))
        for o in origins {
            for radius in [1.0, 500, 1000, 1500, 2600, 4799, 4801, 20_000] {
                for type in [nil, "shekang"] {
                    let q = try NearbyQuery(origin: o, radiusMetres: radius, pointTypeID: type)
                    #expect(index.query(q) == index.bruteForceQuery(q))
                }
            }
        }
    }

    @Test func classifiesPointsHalfAMetreInsideAndOutsideEachCircle() throws {
        // Points placed with the direct geodesic at r ± 0.5 m on 36 bearings around the civic centre.
        var points: [ServicePoint] = []
        let radii: [Double] = [500, 1000, 1500]
        for (k, radius) in radii.enumerated() {
            for step in 0..<36 {
                let bearing = Double(step) * 10 + 3
                for (tag, offset) in [("in", -0.5), ("out", 0.5)] {
                    points.append(NearbyFixture.point("R\(k)-\(step)-\(tag)", "p", type: "shekang",
                                                      at: origin.destination(bearingDegrees: bearing, distanceMetres: radius + offset)))
                }
            }
        }
        var c = NearbyFixture.catalogue
        c = ServiceCatalogue(metadata: c.metadata, sources: [], pointTypes: c.pointTypes, domains: c.domains, items: c.items,
                             points: points, standards: [], subdistricts: c.subdistricts, landmarks: c.landmarks)
        let ringIndex = NearbyIndex(catalogue: c)
        for (k, radius) in radii.enumerated() {
            let found = Set(ringIndex.query(try NearbyQuery(origin: origin, radiusMetres: radius)).hits.map(\.point.id))
            for step in 0..<36 {
                #expect(found.contains("R\(k)-\(step)-in"))
                #expect(!found.contains("R\(k)-\(step)-out"))
            }
        }
    }
}

@Suite struct NearbyRealCatalogueTests {
    static let catalogue = CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue

    @Test func gridResultsEqualBruteForceAcrossFutian() throws {
        let c = try #require(Self.catalogue)
        let index = NearbyIndex(catalogue: c)
        #expect(index.locatedCount + c.points.filter { $0.location == nil }.count == 2085)
        var origins = c.landmarks.map(\.location)
        origins += c.subdistricts.compactMap(\.centre)
        origins += c.points.compactMap(\.location).enumerated().filter { $0.offset % 97 == 0 }.map(\.element)
        for o in origins {
            for radius in [500.0, 1000, 1500, 3000] {
                let q = try NearbyQuery(origin: o, radiusMetres: radius)
                #expect(index.query(q) == index.bruteForceQuery(q))
            }
        }
        for domain in c.domains {
            let q = try NearbyQuery(origin: origins[0], radiusMetres: 1500, domainID: domain.id)
            #expect(index.query(q) == index.bruteForceQuery(q))
        }
    }

    /// A limit keeps the nearest points as they come rather than sorting the circle: the answer
    /// is the unlimited answer's first points, ties (points repeated at one place) by id.
    @Test func aLimitGivesTheFirstPointsOfTheFullOrder() throws {
        var c = try #require(Self.catalogue)
        c.points += c.points.filter { $0.location != nil }.flatMap { point in
            ["b", "a"].map { suffix in
                var copy = point
                copy.id += suffix
                return copy
            }
        }
        let index = NearbyIndex(catalogue: c)
        var origins = c.landmarks.map(\.location)
        origins += c.points.compactMap(\.location).enumerated().filter { $0.offset % 211 == 0 }.map(\.element)
        for o in origins {
            let all = index.query(try NearbyQuery(origin: o, radiusMetres: 3000)).entries
            for limit in [1, 2, 7, 20, 100] {
                let limited = index.query(try NearbyQuery(origin: o, radiusMetres: 3000, limit: limit))
                #expect(limited.entries == Array(all.prefix(limit)))
                #expect(limited.totalWithinRadius == all.count)
            }
        }
    }

    @Test func distancesAtTheCivicCentreAgreeWithTheExactGeodesic() throws {
        let c = try #require(Self.catalogue)
        let index = NearbyIndex(catalogue: c)
        let station = try #require(c.landmarks.first { $0.name == "市民中心" })
        let result = index.query(try NearbyQuery(origin: station.location, radiusMetres: 1000))
        #expect(!result.hits.isEmpty)
        var expectedIDs: [String] = []
        for point in c.points {
            guard let location = point.location else { continue }
            let exact = Geodesic.wgs84.inverse(from: station.location, to: location).distanceMetres
            if exact <= 1000 { expectedIDs.append(point.id) }
        }
        #expect(Set(result.hits.map(\.point.id)) == Set(expectedIDs))
        for hit in result.hits {
            let exact = Geodesic.wgs84.inverse(from: station.location, to: try #require(hit.point.location)).distanceMetres
            #expect(abs(hit.distanceMetres - exact) < 1e-3)
        }
        #expect(result.unlocatedPoints.count == c.points.filter { $0.location == nil }.count)
    }
}
