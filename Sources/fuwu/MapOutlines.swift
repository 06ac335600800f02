import Catalogue
import Foundation
import ServiceMap

/// The outlines the maps draw, read from a catalogue folder's boundary files.
struct MapOutlines {
    var district: [MapOutline]
    var subdistricts: [MapOutline]

    /// Reads the district boundary; a missing or broken file leaves the map without it
    /// (`fuwu validate` names the problem).
    static func read(folder: URL) -> MapOutlines {
        let district = CatalogueLoader.boundary(folder: folder).map { boundary in
            [MapOutline(name: "福田区", rings: boundary.polygons.flatMap { $0 })]
        } ?? []
        return MapOutlines(district: district, subdistricts: [])
    }
}
