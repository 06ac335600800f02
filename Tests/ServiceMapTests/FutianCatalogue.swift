import Catalogue
import Foundation

/// The embedded Futian catalogue, read once from data/futian for the placement tests.
enum FutianCatalogue {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/futian", isDirectory: true)

    static let loaded: LoadedCatalogue? = CatalogueLoader.load(folder: folder).loaded
}
