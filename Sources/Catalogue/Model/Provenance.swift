/// Where a record comes from: a named real source, or the deterministic sample generator.
public enum Provenance: Hashable, Sendable {
    /// Read from a real public source, named by its id in the catalogue's source list.
    case reference(source: String)
    /// Produced by the generator to fill the catalogue up to the published counts.
    case sample

    /// True for sample records, which the CLI and the browser mark as such.
    public var isSample: Bool { if case .sample = self { return true } else { return false } }

    /// The source id of a reference record.
    public var sourceID: String? { if case .reference(let s) = self { return s } else { return nil } }

    /// The word used in files and JSON output: `reference` or `sample`.
    public var kind: String { isSample ? "sample" : "reference" }
}
