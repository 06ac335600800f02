import ArgumentParser

/// The language of labels and messages; catalogue content is shown as it is.
enum Language: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh, en

    /// Chooses the label for this language.
    func pick(_ chinese: String, _ english: String) -> String { self == .zh ? chinese : english }
}
