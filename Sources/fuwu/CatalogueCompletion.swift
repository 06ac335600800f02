import ArgumentParser
import Catalogue
import CatalogueStore
import Foundation

/// Shell completions for values that come from the catalogue: domains, items, point types and
/// subdistricts (ids and names). The shell runs fuwu to get them; the catalogue the command line
/// names with `--catalogue`, else the default one, is opened from its cache.
enum CatalogueCompletion {
    static let domains = completion { c in c.domains.flatMap { [$0.id, $0.name] } }
    static let items = completion { c in c.items.flatMap { [$0.id, $0.name] } }
    static let pointTypes = completion { c in c.pointTypes.flatMap { [$0.id, $0.name] } }
    static let subdistricts = completion { c in c.subdistricts.flatMap { [$0.code, $0.name, $0.pinyin] } }

    private static func completion(_ values: @escaping @Sendable (ServiceCatalogue) -> [String]) -> CompletionKind {
        .custom { words, _, prefix in
            guard let catalogue = open(words) else { return [] }
            return values(catalogue).filter { $0.hasPrefix(prefix) }
        }
    }

    /// The catalogue named by `--catalogue` in the words typed so far, else the default one; nil
    /// when it cannot be opened (completion then offers nothing rather than an error).
    private static func open(_ words: [String]) -> ServiceCatalogue? {
        var folder: URL?
        for (index, word) in words.enumerated() {
            if word == "--catalogue", index + 1 < words.count { folder = URL(fileURLWithPath: words[index + 1], isDirectory: true) }
            if word.hasPrefix("--catalogue=") { folder = URL(fileURLWithPath: String(word.dropFirst(12)), isDirectory: true) }
        }
        guard let folder = folder ?? CatalogueLocator.current().locate()?.folder else { return nil }
        return try? CatalogueCache(directory: CatalogueCache.defaultDirectory(environment: ProcessEnvironment.values)).open(folder: folder).catalogue
    }
}
