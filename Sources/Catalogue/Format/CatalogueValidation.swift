/// The outcome of checking a folder without keeping its records (`CatalogueLoader.validate`):
/// every diagnostic, and what the catalogue holds when there are no errors.
public struct CatalogueValidation: Sendable {
    /// Every problem found, errors and warnings, in file order (the same as `load` reports).
    public var diagnostics: [Diagnostic]
    /// Domains, items, Futian items, points and standard texts found; nil when there are errors.
    public var counts: CatalogueMetadata.Counts?
    /// True when the points a writer wrote were checked as records, without parsing the file.
    var checkedWrittenPoints = false

    /// The diagnostics that make the catalogue unusable.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
