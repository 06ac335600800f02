/// Everything a user can ask the browser to do; each case carries its own help text, from which
/// the key bar and the help page are generated.
public enum Command: Sendable, Hashable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    /// Open the selected row (descend, show a record, follow a link).
    case open
    /// Go back to where you came from, landing on the row you left.
    case back
    /// Show the selected record's details page.
    case details
    /// Move to the next (or previous) row that opens something.
    case nextLink, previousLink
    /// Open the name search.
    case find
    /// Search inside the text being read.
    case searchText
    case nextMatch, previousMatch
    /// Show the table of contents of the text being read.
    case contents
    /// Show the keys of the current screen.
    case help
    case quit
    /// Open the nearby screen.
    case nearby
    /// Choose "where I am".
    case setOrigin
    /// Set the nearby circle to one of the published radii.
    case radius(metres: Int)
    /// Type a radius in metres.
    case typeRadius
    /// Choose a domain, item or point-type filter.
    case filter
    /// Remove the nearby filter.
    case clearFilter
    /// Open 各街道均等化 (coverage by subdistrict and domain).
    case dashboard
    /// Move the selected cell one column left or right.
    case columnLeft, columnRight
    /// Switch the interface language.
    case toggleLanguage
    /// Switch between the nearby list and its map.
    case toggleMap
    /// Map: show more detail, or more ground.
    case zoomIn, zoomOut
    /// Map: move the view a quarter of its size.
    case panLeft, panRight, panUp, panDown
    /// Map: centre the view on "where I am" again.
    case recentre
    /// Map: show or hide the legend.
    case toggleLegend
    /// Map: select the next (or previous) point by distance.
    case nextPoint, previousPoint
    /// Star or unstar the item, point or text on screen or selected.
    case star
    /// Show the starred records.
    case favourites
    /// Show the records opened lately.
    case history
    /// Save the nearby screen's "where I am" under a name.
    case savePlace
    /// Copy the point's address (or, without one, its coordinates) with OSC 52.
    case copyAddress
    /// Copy the point's coordinates with OSC 52.
    case copyCoordinates
    /// Text entry: insert a character at the caret.
    case insert(Character)
    /// Text entry: delete the character before the caret.
    case deleteBackward
    case caretLeft, caretRight, caretHome, caretEnd
    /// Text entry: accept the field.
    case submit
    /// Text entry: leave the field without using it.
    case cancel

    /// One line of help in the interface language.
    public func help(_ language: InterfaceLanguage) -> String {
        let (zh, en) = helpPair
        return language.pick(zh, en)
    }

    /// A short label for the key bar.
    public func label(_ language: InterfaceLanguage) -> String {
        let (zh, en) = labelPair
        return language.pick(zh, en)
    }

    private var helpPair: (String, String) {
        switch self {
        case .up: ("上移一行", "Move up one row")
        case .down: ("下移一行", "Move down one row")
        case .pageUp: ("上翻一页", "Page up")
        case .pageDown: ("下翻一页", "Page down")
        case .halfPageUp: ("上翻半页", "Half a page up")
        case .halfPageDown: ("下翻半页", "Half a page down")
        case .top: ("到第一行", "Go to the first row")
        case .bottom: ("到最后一行", "Go to the last row")
        case .open: ("打开所选", "Open the selected row")
        case .back: ("返回（回到离开时的那一行）", "Go back to the row you left")
        case .details: ("查看所选记录的详情", "Show the selected record's details")
        case .nextLink: ("跳到下一个可打开的行（▸）", "Jump to the next row that opens (▸)")
        case .previousLink: ("跳到上一个可打开的行", "Jump to the previous row that opens")
        case .find: ("按名称搜索事项、服务点、标准", "Search items, points and standards by name")
        case .searchText: ("在正文中搜索", "Search in the text")
        case .nextMatch: ("下一个匹配", "Next match")
        case .previousMatch: ("上一个匹配", "Previous match")
        case .contents: ("目录：跳到章节", "Table of contents: jump to a chapter")
        case .help: ("本屏按键帮助", "Keys of this screen")
        case .quit: ("退出", "Quit")
        case .nearby: ("附近：我周围的服务点", "Nearby: service points around me")
        case .setOrigin: ("设置“我在哪里”", "Set where I am")
        case .radius(let m): ("范围 \(m) 米", "Within \(m) m")
        case .typeRadius: ("输入范围（米）", "Type a radius in metres")
        case .filter: ("按领域、事项或类型筛选", "Filter by domain, item or type")
        case .clearFilter: ("清除筛选", "Clear the filter")
        case .dashboard: ("各街道均等化：各领域服务覆盖", "Equalisation: coverage by subdistrict and domain")
        case .columnLeft: ("左移一格", "Move one cell left")
        case .columnRight: ("右移一格", "Move one cell right")
        case .toggleLanguage: ("切换中文/English", "Switch Chinese/English")
        case .toggleMap: ("在列表和地图之间切换", "Switch between the list and the map")
        case .zoomIn: ("放大地图", "Zoom in")
        case .zoomOut: ("缩小地图", "Zoom out")
        case .panLeft: ("地图向西移", "Pan west")
        case .panRight: ("地图向东移", "Pan east")
        case .panUp: ("地图向北移", "Pan north")
        case .panDown: ("地图向南移", "Pan south")
        case .recentre: ("回到“我在哪里”", "Recentre on where I am")
        case .toggleLegend: ("显示/隐藏图例", "Show or hide the legend")
        case .nextPoint: ("按距离选下一个服务点", "Select the next point by distance")
        case .previousPoint: ("按距离选上一个服务点", "Select the previous point by distance")
        case .star: ("收藏或取消收藏（事项、服务点、标准）", "Star or unstar (item, point, text)")
        case .favourites: ("我的收藏", "My favourites")
        case .history: ("最近打开的记录", "Recently opened")
        case .savePlace: ("把当前位置保存为我的地点", "Save where I am as a place of mine")
        case .copyAddress: ("复制地址（终端可能不支持）", "Copy the address (the terminal may not allow it)")
        case .copyCoordinates: ("复制坐标（终端可能不支持）", "Copy the coordinates (the terminal may not allow it)")
        case .insert: ("输入文字", "Type text")
        case .deleteBackward: ("删除前一个字", "Delete the character before the caret")
        case .caretLeft: ("光标左移", "Caret left")
        case .caretRight: ("光标右移", "Caret right")
        case .caretHome: ("光标到开头", "Caret to start")
        case .caretEnd: ("光标到末尾", "Caret to end")
        case .submit: ("确定", "Accept")
        case .cancel: ("取消", "Cancel")
        }
    }

    private var labelPair: (String, String) {
        switch self {
        case .open: ("打开", "Open")
        case .back: ("返回", "Back")
        case .details: ("详情", "Info")
        case .nextLink: ("链接", "Links")
        case .find: ("搜索", "Find")
        case .searchText: ("查找", "Search")
        case .nextMatch: ("下个", "Next")
        case .previousMatch: ("上个", "Prev")
        case .contents: ("目录", "Contents")
        case .help: ("帮助", "Help")
        case .quit: ("退出", "Quit")
        case .nearby: ("附近", "Nearby")
        case .setOrigin: ("位置", "Where")
        case .radius(let m): ("\(m)米", "\(m)m")
        case .typeRadius: ("范围", "Radius")
        case .filter: ("筛选", "Filter")
        case .clearFilter: ("清筛选", "Unfilter")
        case .toggleLanguage: ("English", "中文")
        case .toggleMap: ("地图", "Map")
        case .zoomIn: ("放大", "Zoom")
        case .zoomOut: ("缩小", "Out")
        case .recentre: ("回中", "Centre")
        case .toggleLegend: ("图例", "Legend")
        case .nextPoint: ("下个点", "Next")
        case .previousPoint: ("上个点", "Prev")
        case .star: ("收藏", "Star")
        case .favourites: ("收藏夹", "Favs")
        case .history: ("历史", "History")
        case .savePlace: ("保存", "Save")
        case .copyAddress: ("复制", "Copy")
        case .copyCoordinates: ("复制坐标", "Copy lat,lng")
        case .submit: ("确定", "OK")
        case .cancel: ("取消", "Cancel")
        default: helpPair
        }
    }
}
