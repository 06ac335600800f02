import Foundation

/// Finds the embedded Futian catalogue from any working directory: `FUWU_CATALOGUE`, then the
/// source tree this binary was built from, then the folders above the executable.
enum CatalogueLocator {
    static let embeddedRelativePath = "data/futian"

    static func embedded(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let path = environment["FUWU_CATALOGUE"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        var candidates: [URL] = []
        // Sources/fuwu/CatalogueLocator.swift → the package root.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for root in candidates {
            let catalogue = root.appendingPathComponent(embeddedRelativePath, isDirectory: true)
            if FileManager.default.fileExists(atPath: catalogue.appendingPathComponent("catalogue.json").path) {
                return catalogue
            }
        }
        return nil
    }
}
