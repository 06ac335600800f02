/// The kind of screen in front of the user; the key map is keyed by it.
public enum Mode: String, Sendable, Hashable, CaseIterable {
    /// Domains → items → points lists.
    case browse
    case itemDetail
    case pointDetail
    /// Reading a standard text or service guide.
    case reader
    /// The reader's table of contents.
    case contents
    /// The name search field with its results.
    case find
    /// Service points around "where I am".
    case nearby
    /// The nearby answer drawn as a map.
    case map
    /// Choosing from a list with a filter field (where I am, nearby filter).
    case picker
    /// A one-line field at the bottom (text search, radius).
    case prompt
    /// The key help page.
    case help
    /// 各街道均等化: a table of shares with a selected cell.
    case dashboard
    /// The coverage of one subdistrict and domain.
    case coverageGaps
    /// The favourites and history lists.
    case records

    /// Modes whose printable keys go into a text field.
    var takesText: Bool { self == .find || self == .picker || self == .prompt }
}
