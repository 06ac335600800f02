import Catalogue

extension OpenStatus {
    /// The status word in the interface language; nil when unknown.
    func label(_ language: InterfaceLanguage) -> String? {
        language == .chinese ? chineseLabel : englishLabel
    }

    /// How a status tag looks: open plain, closing soon as a warning, closed dim.
    var style: Style {
        switch self {
        case .open: return .normal
        case .closingSoon: return .warning
        case .closed, .unknown: return .dim
        }
    }
}
