import Catalogue

/// The most characters each text field takes: beyond them no text can mean anything, and a
/// field's every keystroke must stay cheap (docs/reliability.md lists the limits).
enum FieldLimit {
    /// The find box: names and titles are at most this long (`validate` enforces it).
    static let find = 200
    /// Searching inside a standard's text: a phrase, not a paragraph.
    static let textSearch = 200
    /// The radius in metres: 1 to 50 000, with room for stray leading zeros.
    static let radius = 8

    /// The limit of a picker's field: a place name ("where I am") as `LocationResolver` takes it,
    /// a filter name as long as a name may be.
    static func picker(_ purpose: PickerPurpose) -> Int {
        switch purpose {
        case .origin: LocationResolver.maximumTextLength
        case .filter: find
        }
    }

    /// The limit of a prompt's field.
    static func prompt(_ purpose: Prompt.Purpose) -> Int {
        switch purpose {
        case .textSearch: textSearch
        case .radius: radius
        case .placeName: SavedPlace.nameLimit
        }
    }
}
