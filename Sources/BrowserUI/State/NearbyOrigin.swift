import Catalogue
import Geodesy

/// "Where I am" on the nearby screen.
public enum NearbyOrigin: Sendable, Hashable {
    /// A coordinate as the user gave it, with the datum it was read in.
    case coordinate(GeoCoordinate, Datum)
    case landmark(id: String)
    case subdistrict(code: String)
    case point(id: String)
    /// One of the user's saved places, as it was when chosen.
    case saved(SavedPlace)
}
