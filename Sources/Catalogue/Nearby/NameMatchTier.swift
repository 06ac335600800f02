/// How well a typed name matches a place name; lower is better and only the best tier is kept.
public enum NameMatchTier: Int, Sendable, Hashable, Comparable {
    /// The whole name or id, ignoring case, spaces and full-width forms.
    case exact
    /// The name once a trailing 站/地铁站, 街道 or 社区 is set aside on either side.
    case exactWithoutSuffix
    /// The name starts with the text.
    case prefix
    /// The name contains the text.
    case substring
    /// A match found by the pluggable alternative (pinyin, once the search module provides it).
    case alternative

    public static func < (lhs: NameMatchTier, rhs: NameMatchTier) -> Bool { lhs.rawValue < rhs.rawValue }
}
