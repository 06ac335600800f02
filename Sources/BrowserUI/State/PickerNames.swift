import Catalogue

/// The names a picker narrows by, folded once (`SubstringNameSearch.fold`), so that a keystroke
/// compares arrays instead of folding two thousand names again.
struct PickerNames: Sendable {
    /// Folded names of `catalogue.landmarks`, in order.
    let landmarks: [[Character]]
    /// Folded name and pinyin of each of `catalogue.subdistricts`, in order.
    let subdistricts: [(name: [Character], pinyin: [Character])]
    /// Folded names of `catalogue.points`, in order.
    let points: [[Character]]
    /// Folded name and English name of each of `catalogue.domains`, in order.
    let domains: [(name: [Character], english: [Character])]
    /// Folded name and English name of each of `catalogue.pointTypes`, in order.
    let pointTypes: [(name: [Character], english: [Character])]
    /// Folded names of `catalogue.items`, in order.
    let items: [[Character]]

    init(catalogue: ServiceCatalogue) {
        let fold = SubstringNameSearch.fold
        landmarks = catalogue.landmarks.map { fold($0.name) }
        subdistricts = catalogue.subdistricts.map { (fold($0.name), fold($0.pinyin)) }
        points = catalogue.points.map { fold($0.name) }
        domains = catalogue.domains.map { (fold($0.name), fold($0.nameEnglish)) }
        pointTypes = catalogue.pointTypes.map { (fold($0.name), fold($0.nameEnglish)) }
        items = catalogue.items.map { fold($0.name) }
    }
}
