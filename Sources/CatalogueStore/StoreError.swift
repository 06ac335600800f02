import Catalogue

/// Why a compiled catalogue could not be built or opened.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The source folder does not exist or is not a catalogue.
    case missingCatalogue(path: String)
    /// The sources have errors and there is no earlier compiled catalogue to fall back on.
    case invalidSources(path: String, diagnostics: [Diagnostic])
    /// A compiled database could not be read.
    case unreadable(path: String, reason: String)
    /// The compiled database could not be written.
    case unwritable(path: String, reason: String)
    /// The compiled database is damaged (a page checksum failed, a page is malformed): it must
    /// be rebuilt from the sources, never read on.
    case damaged(path: String, reason: String)
    /// No standard text has this id.
    case unknownStandard(String)

    public var description: String {
        switch self {
        case .missingCatalogue(let path):
            return "no catalogue at \(path): the folder needs catalogue.json (see docs/data-format.md); check --catalogue"
        case .invalidSources(let path, let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "the catalogue at \(path) has \(errors) error\(errors == 1 ? "" : "s") and has never compiled; run 'fuwu validate \(path)' to list them"
        case .unreadable(let path, let reason):
            return "cannot read the compiled catalogue \(path): \(reason); run 'fuwu build' to rebuild it"
        case .unwritable(let path, let reason):
            return "cannot write the compiled catalogue \(path): \(reason); set FUWU_CACHE_DIR to a writable folder"
        case .damaged(let path, let reason):
            return "the compiled catalogue \(path) is damaged (\(reason))"
        case .unknownStandard(let id):
            return "no standard text with id \"\(id)\""
        }
    }
}
