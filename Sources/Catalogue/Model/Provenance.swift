/// Where a record comes from: the district's own files, a named public source, or the
/// deterministic sample generator.
public enum Provenance: Hashable, Sendable {
    /// Imported from the district's own files (`fuwu import`), named by its source id.
    case official(source: String)
    /// Read from a real public source, named by its id in the catalogue's source list.
    case reference(source: String)
    /// Produced by the generator to fill the catalogue up to the published counts.
    case sample

    /// True for sample records, which the CLI and the browser mark as such.
    public var isSample: Bool { if case .sample = self { return true } else { return false } }

    /// True for records from the district's own files.
    public var isOfficial: Bool { if case .official = self { return true } else { return false } }

    /// The source id of an official or reference record.
    public var sourceID: String? {
        switch self {
        case .official(let s), .reference(let s): return s
        case .sample: return nil
        }
    }

    /// The word used in files and JSON output: `official`, `reference` or `sample`.
    public var kind: String {
        switch self {
        case .official: return "official"
        case .reference: return "reference"
        case .sample: return "sample"
        }
    }

    /// The provenance of this kind with this source (nil for an unknown kind, or a source-less
    /// official or reference record).
    public init?(kind: String, source: String?) {
        switch kind {
        case "sample": self = .sample
        case "official": guard let source else { return nil }; self = .official(source: source)
        case "reference": guard let source else { return nil }; self = .reference(source: source)
        default: return nil
        }
    }
}
