import Catalogue
import Geodesy

/// `fuwu export`: every item, point and standard with every field as UTF-8 CSV, and the mapping
/// that imports them back into the same catalogue.
public enum CatalogueExport {
    /// The files of an export, by name.
    public static func files(of loaded: LoadedCatalogue) -> [(name: String, text: String)] {
        let c = loaded.catalogue
        let itemFields = RecordField.fields(of: .items)
        let pointFields: [RecordField] = [.id, .name, .type, .items, .subdistrict, .community, .address, .phone, .hours,
                                          .longitude, .latitude, .sourceDatum, .sourceLongitude, .sourceLatitude, .note] + RecordField.trace
        let standardFields = RecordField.fields(of: .standards)
        let items = csv(itemFields, c.items.map { i in
            [.id: i.id, .domain: i.domainID, .category: i.category, .name: i.name, .recipients: i.recipients, .content: i.content,
             .standard: i.standard, .funding: i.funding, .lead: i.lead, .futian: i.isFutianSpecific ? "true" : "false",
             .pointTypes: list(i.pointTypeIDs), .standards: list(i.standardIDs), .note: i.note ?? ""].merging(trace(i.provenance, i.origin)) { a, _ in a }
        })
        let points = csv(pointFields, c.points.map { p in
            [.id: p.id, .name: p.name, .type: p.typeID, .items: list(p.itemIDs), .subdistrict: p.subdistrictCode ?? "",
             .community: p.community ?? "", .address: p.address ?? "", .phone: p.phone ?? "", .hours: p.hours ?? "",
             .longitude: number(p.location?.longitude), .latitude: number(p.location?.latitude),
             .sourceDatum: p.sourceDatum?.rawValue ?? "", .sourceLongitude: number(p.sourceCoordinate?.longitude),
             .sourceLatitude: number(p.sourceCoordinate?.latitude), .note: p.note ?? ""].merging(trace(p.provenance, p.origin)) { a, _ in a }
        })
        let standards = csv(standardFields, c.standards.map { s in
            [.id: s.id, .code: s.code, .title: s.title, .kind: s.kind.rawValue, .level: s.level.rawValue, .issued: s.issued ?? "",
             .effective: s.effective ?? "", .draftingBody: loaded.draftingBodies[s.id] ?? "", .items: list(s.itemIDs), .body: loaded.bodies[s.id] ?? ""].merging(trace(s.provenance, s.origin)) { a, _ in a }
        })
        let mapping = ImportMapping(tables: [
            TableMapping(file: "items.csv", kind: .items, columns: identity(itemFields)),
            TableMapping(file: "standards.csv", kind: .standards, columns: identity(standardFields)),
            TableMapping(file: "points.csv", kind: .points, datum: .wgs84, columns: identity(pointFields)),
        ])
        return [("items.csv", items), ("points.csv", points), ("standards.csv", standards), ("mapping.toml", mapping.toml())]
    }

    static func identity(_ fields: [RecordField]) -> [RecordField: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, $0.rawValue) })
    }

    static func list(_ ids: [String]) -> String { ids.joined(separator: ", ") }

    static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    static func trace(_ p: Provenance, _ o: ImportOrigin?) -> [RecordField: String] {
        [.provenance: p.kind, .source: p.sourceID ?? "", .importedFile: o?.file ?? "", .importedSheet: o?.sheet ?? "",
         .importedRow: o?.row.map(String.init) ?? "", .importedDate: o?.date ?? ""]
    }

    /// RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads the Chinese), CRLF line ends.
    static func csv(_ fields: [RecordField], _ rows: [[RecordField: String]]) -> String {
        var out = "\u{FEFF}" + fields.map(\.rawValue).joined(separator: ",") + "\r\n"
        for row in rows {
            out += fields.map { quoted(row[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) || cell.hasPrefix(" ") || cell.hasSuffix(" ") else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
