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
    public var takesText: Bool { self == .find || self == .picker || self == .prompt }

    /// The mode's name on its help page and in the man page.
    public func title(_ language: InterfaceLanguage) -> String {
        switch self {
        case .browse: language.pick("浏览", "browse")
        case .itemDetail: language.pick("事项详情", "item details")
        case .pointDetail: language.pick("服务点详情", "point details")
        case .reader: language.pick("阅读正文", "reader")
        case .contents: language.pick("目录", "contents")
        case .find: language.pick("搜索", "find")
        case .nearby: language.pick("附近", "nearby")
        case .map: language.pick("地图", "map")
        case .picker: language.pick("选择", "choose")
        case .prompt: language.pick("输入", "input")
        case .help: language.pick("帮助", "help")
        case .dashboard: language.pick("各街道均等化", "equalisation")
        case .coverageGaps: language.pick("覆盖缺口", "coverage gaps")
        case .records: language.pick("收藏与历史", "favourites and history")
        }
    }
}
