/// The language of the browser's own labels; catalogue content is shown as published.
public enum InterfaceLanguage: String, Sendable, Hashable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// Picks the Chinese or the English form of a label.
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .chinese ? chinese : english
    }
}
