/// Whether a service point is open at a moment, as its published hours say.
public enum OpenStatus: Sendable, Hashable {
    /// Open, and not closing within `OpeningHours.closingSoonMinutes`.
    case open
    /// Open, closing in this many minutes (at most `OpeningHours.closingSoonMinutes`).
    case closingSoon(minutesLeft: Int)
    case closed
    /// No hours, or hours the parser does not read: never counted as open.
    case unknown

    /// True for `.open` and `.closingSoon`: what `--open-now` keeps.
    public var isOpen: Bool {
        switch self {
        case .open, .closingSoon: return true
        case .closed, .unknown: return false
        }
    }

    /// 开放中, 即将关闭, 已关闭, or nil when unknown.
    public var chineseLabel: String? {
        switch self {
        case .open: return "开放中"
        case .closingSoon: return "即将关闭"
        case .closed: return "已关闭"
        case .unknown: return nil
        }
    }

    /// open, closing soon, closed, or nil when unknown.
    public var englishLabel: String? {
        switch self {
        case .open: return "open"
        case .closingSoon: return "closing soon"
        case .closed: return "closed"
        case .unknown: return nil
        }
    }

    /// `open`, `closing_soon`, `closed` or `unknown`, for JSON.
    public var code: String {
        switch self {
        case .open: return "open"
        case .closingSoon: return "closing_soon"
        case .closed: return "closed"
        case .unknown: return "unknown"
        }
    }
}
