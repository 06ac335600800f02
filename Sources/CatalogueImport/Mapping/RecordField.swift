/// A field of a catalogue record that a column of a district file can fill.
public enum RecordField: String, Sendable, Hashable, CaseIterable {
    // Every kind
    case id, name, note
    // Points
    case type, address, longitude, latitude, coordinates, phone, hours, subdistrict, community, items
    // Items
    case domain, category, recipients, content, standard, funding, lead, futian
    case pointTypes = "point_types", standards
    // Standards
    case code, title, kind, level, issued, effective, body
    case draftingBody = "drafting_body"
    // Provenance per row (exported catalogues), and what the source gave before conversion
    case provenance, source
    case sourceDatum = "source_datum", sourceLongitude = "source_longitude", sourceLatitude = "source_latitude"
    case importedFile = "imported_file", importedSheet = "imported_sheet", importedRow = "imported_row", importedDate = "imported_date"

    /// The fields a record of this kind takes, in the order a mapping lists them.
    public static func fields(of kind: RecordKind) -> [RecordField] {
        switch kind {
        case .points: return [.id, .name, .type, .address, .coordinates, .longitude, .latitude, .phone, .hours,
                              .subdistrict, .community, .items, .note] + trace + [.sourceDatum, .sourceLongitude, .sourceLatitude]
        case .items: return [.id, .domain, .category, .name, .recipients, .content, .standard, .funding, .lead,
                             .futian, .pointTypes, .standards, .note] + trace
        case .standards: return [.id, .code, .title, .kind, .level, .issued, .effective, .draftingBody, .items, .body] + trace
        }
    }

    /// The per-row provenance and origin fields an exported catalogue carries.
    static let trace: [RecordField] = [.provenance, .source, .importedFile, .importedSheet, .importedRow, .importedDate]
}
