/// A starred record or a record in the history, with when (Unix seconds) it was starred or last opened.
public struct UserRecordEntry: Sendable, Hashable {
    public var record: RecordReference
    public var unixSeconds: Int64

    public init(record: RecordReference, unixSeconds: Int64) {
        self.record = record
        self.unixSeconds = unixSeconds
    }
}
