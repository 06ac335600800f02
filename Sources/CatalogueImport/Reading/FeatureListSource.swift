import Catalogue
import Foundation

/// A `.geojson` FeatureCollection or a `.json` array of objects read as a table: one column per
/// property (in first-seen order), `id`, and `longitude`/`latitude` from a Point geometry; rows are
/// numbered by the line each record starts on.
public struct FeatureListSource: TableSource {
    public let path: String
    let header: [String]
    let records: [(line: Int, cells: [String: String])]

    /// Reads the whole file (lists are small next to workbooks); throws naming the line of a syntax error.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        let data: Data
        switch SourceFile.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw ImportProblem(file: path, reason: "cannot read the file: \(failure.message)")
        }
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw ImportProblem(file: path, reason: "the file is not UTF-8 text; GeoJSON and JSON lists must be saved as UTF-8")
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw ImportProblem(file: path, row: error.line, reason: "malformed JSON at column \(error.column): \(error.message)")
        }
        var columns: [String] = []
        var seen: Set<String> = []
        func column(_ name: String) { if seen.insert(name).inserted { columns.append(name) } }
        var records: [(Int, [String: String])] = []
        let elements: [JSONNode]
        let isGeoJSON = root["type"]?.string == "FeatureCollection"
        if isGeoJSON {
            guard let features = root["features"]?.array else {
                throw ImportProblem(file: path, row: root.line, reason: "the FeatureCollection has no \"features\" array")
            }
            elements = features
        } else if let array = root.array {
            elements = array
        } else {
            throw ImportProblem(file: path, row: root.line, reason: "the file must hold a GeoJSON FeatureCollection or a JSON array of records, not \(root.typeName)")
        }
        for element in elements {
            guard element.isObject else {
                throw ImportProblem(file: path, row: element.line, reason: "each record must be a JSON object, not \(element.typeName)")
            }
            var cells: [String: String] = [:]
            var properties = element
            if isGeoJSON {
                if let id = element["id"], !id.isNull { column("id"); cells["id"] = Self.text(id) }
                if let geometry = element["geometry"], !geometry.isNull {
                    guard geometry["type"]?.string == "Point", let pair = geometry["coordinates"]?.array, pair.count >= 2,
                          pair[0].number != nil, pair[1].number != nil else {
                        throw ImportProblem(file: path, row: geometry.line, reason: "the geometry must be a Point with [longitude, latitude], or null")
                    }
                    column("longitude"); column("latitude")
                    cells["longitude"] = Self.text(pair[0]); cells["latitude"] = Self.text(pair[1])
                }
                guard let p = element["properties"], p.isObject || p.isNull else {
                    throw ImportProblem(file: path, row: element.line, reason: "a feature needs a \"properties\" object")
                }
                properties = p
            }
            if case .object(let members) = properties.value {
                for (key, node) in members { column(key); cells[key] = Self.text(node) }
            }
            records.append((element.line, cells))
        }
        header = columns
        self.records = records
    }

    static func text(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : "\(n)"
        case .string(let s): return s
        case .array(let a): return a.map(text).joined(separator: ", ")
        case .object: return JSONText(node).compact
        }
    }

    public func sheetNames() throws(ImportProblem) -> [String?] { [nil] }

    public func forEachRow(sheets: [String]?, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        try body(SourceRow(sheet: nil, row: 1, cells: header))
        for record in records {
            try body(SourceRow(sheet: nil, row: record.line, cells: header.map { record.cells[$0] ?? "" }))
        }
    }
}
