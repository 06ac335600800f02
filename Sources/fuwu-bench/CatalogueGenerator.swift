import Foundation

/// Writes a valid catalogue of any number of points from a real one's shapes: every file is
/// copied, the located points of points.geojson (one feature a line) are repeated in order with
/// new ids `P` + seven digits (suffixed when beyond), and the declared point count is adjusted.
/// Deterministic: the same source and size give the same bytes.
struct CatalogueGenerator {
    let source: URL

    enum Failure: Error { case unreadable(String), noLocatedPoints }

    func write(points count: Int, to folder: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) where name != "points.geojson" && name != "catalogue.json" {
            try manager.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        guard let catalogue = try? String(contentsOf: source.appendingPathComponent("catalogue.json"), encoding: .utf8),
              let points = try? String(contentsOf: source.appendingPathComponent("points.geojson"), encoding: .utf8) else {
            throw Failure.unreadable(source.path)
        }
        guard let declared = catalogue.range(of: #""points"\s*:\s*\d+"#, options: .regularExpression) else {
            throw Failure.unreadable(source.appendingPathComponent("catalogue.json").path)
        }
        let adjusted = catalogue.replacingCharacters(in: declared, with: "\"points\": \(count)")
        try adjusted.write(to: folder.appendingPathComponent("catalogue.json"), atomically: false, encoding: .utf8)

        // Each feature line without its id: the text before `"id": "…"` and the text after it.
        let features: [(String, String)] = points.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{\"type\": \"Feature\""), !line.contains("\"geometry\": null"),
                  let idStart = line.range(of: "\"id\": \""),
                  let idEnd = line[idStart.upperBound...].firstIndex(of: "\"") else { return nil }
            var tail = String(line[line.index(after: idEnd)...])
            if tail.hasSuffix(",") { tail.removeLast() }
            return (String(line[..<idStart.upperBound]), tail)
        }
        guard !features.isEmpty else { throw Failure.noLocatedPoints }
        let path = folder.appendingPathComponent("points.geojson").path
        guard manager.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Failure.unreadable(path)
        }
        defer { try? handle.close() }
        var buffer = "{\"type\": \"FeatureCollection\", \"features\": [\n"
        for index in 0..<count {
            let (head, tail) = features[index % features.count]
            let number = String(index + 1)
            buffer += head + "P" + String(repeating: "0", count: max(0, 7 - number.count)) + number + "\"" + tail
            buffer += index + 1 < count ? ",\n" : "\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "]}\n"
        try handle.write(contentsOf: Data(buffer.utf8))
    }
}
