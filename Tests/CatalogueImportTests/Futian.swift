import Catalogue
import Foundation

/// The embedded Futian catalogue, loaded once for the tests.
enum Futian {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/futian", isDirectory: true)

    static let loaded: LoadedCatalogue = {
        guard let loaded = CatalogueLoader.load(folder: folder).loaded else { fatalError("data/futian does not load") }
        return loaded
    }()

    static func text(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}
