/// Where a reader left a standard text: a source line and a character in it, which survive
/// re-wrapping at another window width.
public struct ReadingPosition: Sendable, Hashable {
    public var standardID: String
    public var sourceLine: Int
    public var offset: Int

    public init(standardID: String, sourceLine: Int, offset: Int) {
        self.standardID = standardID
        self.sourceLine = sourceLine
        self.offset = offset
    }
}
