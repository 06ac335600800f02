/// How far a reader has come through its file, in bytes of the file as stored, for a progress bar.
/// A reader advances it as it reads; whoever shows progress reads it between rows.
public final class ReadPosition: @unchecked Sendable {
    /// Bytes of the file read so far.
    public internal(set) var bytes: Int64 = 0

    public init() {}
}
