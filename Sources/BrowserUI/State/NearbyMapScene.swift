import Catalogue
import Geodesy
import ServiceMap

/// Builds the map scene of a nearby question: every located point that passes the filters
/// within `reachMetres`, nearest first, around the origin with the published circles. The
/// browser's map page and `fuwu map` both build their scene here.
public enum NearbyMapScene {
    /// The radii every map draws: the three the district publishes.
    public static let radiiMetres: [Double] = NearbyQuery.standardRadiiMetres

    /// The outlines of the catalogue's district and of its (hand-drawn) subdistricts.
    public static func outlines(of catalogue: ServiceCatalogue) -> (district: [MapOutline], subdistricts: [MapOutline]) {
        let district = catalogue.boundary.polygons.isEmpty ? []
            : [MapOutline(name: catalogue.metadata.district, rings: catalogue.boundary.polygons.flatMap { $0 })]
        let subdistricts = catalogue.subdistrictBoundaries.map { MapOutline(name: $0.name, rings: $0.area.polygons.flatMap { $0 }) }
        return (district, subdistricts)
    }

    /// The scene; filters that name nothing leave it without points.
    public static func scene(catalogue: ServiceCatalogue, index: NearbyIndex, origin: GeoCoordinate,
                             radiusMetres: Double, domainID: String? = nil, itemID: String? = nil,
                             pointTypeID: String? = nil, subdistrictCode: String? = nil, reachMetres: Double,
                             language: InterfaceLanguage, overlays: [MapOutline] = []) -> MapScene {
        let (district, subdistricts) = outlines(of: catalogue)
        var markers: [MapMarker] = []
        if let query = try? NearbyQuery(origin: origin, radiusMetres: min(reachMetres, NearbyQuery.radiusRangeMetres.upperBound),
                                        domainID: domainID, itemID: itemID,
                                        pointTypeID: pointTypeID, subdistrictCode: subdistrictCode) {
            let projection = MapProjection(origin: origin)
            var domainIndex: [String: Int] = [:]
            for (offset, domain) in catalogue.domains.enumerated() { domainIndex[domain.id] = offset }
            markers = index.query(query).hits.compactMap { hit in
                guard let position = hit.point.location else { return nil }
                let type = catalogue.pointType(hit.point.typeID)
                return MapMarker(pointID: hit.point.id, name: hit.point.name,
                                 typeName: (language == .chinese ? type?.name : type?.nameEnglish) ?? hit.point.typeID,
                                 domainIndex: hit.domainID.flatMap { domainIndex[$0] } ?? -1,
                                 isSample: hit.point.provenance.isSample, position: projection.project(position),
                                 distanceMetres: hit.distanceMetres, isOfficial: hit.point.provenance.isOfficial)
            }
        }
        return MapScene(origin: origin, radiiMetres: radiiMetres, currentRadiusMetres: radiusMetres,
                        district: district, subdistricts: subdistricts, markers: markers, overlays: overlays)
    }
}
