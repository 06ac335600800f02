/// How many records of a group are official, reference and sample.
public struct ProvenanceCounts: Sendable, Equatable {
    public var official = 0
    public var reference = 0
    public var sample = 0

    /// All three together.
    public var total: Int { official + reference + sample }

    public init(official: Int = 0, reference: Int = 0, sample: Int = 0) {
        self.official = official
        self.reference = reference
        self.sample = sample
    }

    /// The counts of these provenances.
    public init<S: Sequence>(_ provenances: S) where S.Element == Provenance {
        for p in provenances {
            switch p {
            case .official: official += 1
            case .reference: reference += 1
            case .sample: sample += 1
            }
        }
    }
}
