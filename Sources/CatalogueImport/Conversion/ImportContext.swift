import Catalogue

/// What every row of an import is converted against: the catalogue it goes into, the day, and the
/// provenance its records get.
public struct ImportContext: Sendable {
    /// The catalogue the records go into (types, items, subdistricts and boundary are looked up here).
    public var catalogue: ServiceCatalogue
    /// The day of the import, `YYYY-MM-DD`, recorded on every record.
    public var date: String
    /// The provenance of records whose row does not name its own.
    public var provenance: Provenance

    public init(catalogue: ServiceCatalogue, date: String, provenance: Provenance) {
        self.catalogue = catalogue
        self.date = date
        self.provenance = provenance
    }
}
