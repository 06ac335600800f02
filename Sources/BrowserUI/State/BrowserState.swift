import Catalogue

/// Everything the browser shows, as a value: the page stack, remembered positions, fields and
/// results. `apply` changes it and never draws or performs terminal I/O.
public struct BrowserState: Sendable {
    /// The catalogue and its lookups.
    public let context: BrowserContext
    /// Language, borders and the like; `L` changes the language.
    public var options: BrowserOptions
    /// The key table events are read through.
    public let keyMap: KeyMap
    /// The terminal size the pages lay out for.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// The navigation stack; the last page is on screen and Back pops it.
    public internal(set) var stack: [Page] = [.domains]
    /// A one-frame message for the status line (errors, hints).
    public internal(set) var message: String?

    var positions: [String: ListPosition] = [:]
    var readerAnchors: [String: ReaderDocument.Anchor] = [:]
    var document: ReaderDocument?
    var prompt: Prompt?
    var findField = TextField()
    var findRows: [FindRow] = []
    var pickerField = TextField()
    var pickerChoices: [PickerChoice] = []
    var nearby = NearbyState()
    var dashboard = DashboardState()
    var map = MapState()
    /// Text waiting to be copied to the terminal's clipboard (OSC 52) after this event.
    var clipboard: String?
    /// The starred records, read from the user state once and kept in step with `*`, so rows
    /// draw their ★ without a query per frame.
    var starred: Set<RecordReference>

    /// A browser at the domains list, sized for a terminal.
    public init(context: BrowserContext, options: BrowserOptions = BrowserOptions(),
                keyMap: KeyMap = .standard, width: Int = 80, height: Int = 24) {
        self.context = context
        self.options = options
        self.keyMap = keyMap
        self.width = max(0, width)
        self.height = max(0, height)
        starred = Set(context.userState.favourites().map(\.record))
    }

    /// The page on screen.
    public var page: Page { stack.last ?? .domains }
    /// The mode that decides what keys do: a bottom field takes over its page's keys.
    public var mode: Mode { prompt != nil ? .prompt : page.mode }
    var layout: Layout { Layout(width: width, height: height) }
    var language: InterfaceLanguage { options.language }
    var catalogue: ServiceCatalogue { context.catalogue }

    // MARK: Events

    /// Applies a terminal event: keys through the key map, mouse through the layout, resizes.
    public mutating func handle(_ event: TerminalEvent) -> Outcome {
        switch event {
        case .key(let key):
            guard let command = keyMap.command(for: key, in: mode) else { return .redraw }
            return apply(command)
        case .click(let row, let column):
            click(row: row, column: column)
            return .redraw
        case .scroll(let lines, _, _):
            guard prompt == nil, lines != 0 else { return .redraw }
            move(by: lines)
            return .redraw
        case .resize(let width, let height):
            resize(width: width, height: height)
            return .redraw
        case .end:
            return .quit
        }
    }

    /// Changes the size the pages lay out for, keeping every position.
    public mutating func resize(width: Int, height: Int) {
        // Details pages re-wrap, so a selected link row is found again by where it leads.
        var selectedLinks: [Page: Page] = [:]
        for page in stack where page.mode == .itemDetail || page.mode == .pointDetail || page.mode == .records {
            let rows = sheetRows(page)
            let cursor = positions[page.positionKey]?.cursor ?? 0
            if rows.indices.contains(cursor), let link = rows[cursor].link { selectedLinks[page] = link }
        }
        self.width = max(0, width)
        self.height = max(0, height)
        for (page, link) in selectedLinks {
            if let index = sheetRows(page).firstIndex(where: { $0.link == link }) {
                positions[page.positionKey, default: ListPosition()].cursor = index
            }
        }
        let columns = readerColumns
        document?.resize(columns: columns, ambiguousWide: options.ambiguousWide)
        for page in stack { reveal(page) }
    }

    /// Applies one command; pure apart from reading standard bodies through the context.
    public mutating func apply(_ command: Command) -> Outcome {
        message = nil
        if let prompt { return applyToPrompt(prompt, command) }
        switch command {
        case .quit: return .quit
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -pageRows)
        case .pageDown: move(by: pageRows)
        case .halfPageUp: move(by: -max(1, pageRows / 2))
        case .halfPageDown: move(by: max(1, pageRows / 2))
        case .top: move(toIndex: 0)
        case .bottom: move(toIndex: Int.max)
        case .open, .submit: open()
        case .back, .cancel: back()
        case .details: details()
        case .nextLink: jumpToLink(forward: true)
        case .previousLink: jumpToLink(forward: false)
        case .find: startFind()
        case .searchText:
            guard case .reader = page else { break }
            prompt = Prompt(purpose: .textSearch, field: TextField(document?.query ?? ""))
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .contents: showContents()
        case .help:
            if case .help = page { back() } else { push(.help(page.mode)) }
        case .nearby: showNearby()
        case .setOrigin: push(.picker(.origin))
        case .radius(let metres):
            if page.mode == .dashboard || page.mode == .coverageGaps { setDashboardRadius(metres) } else { setRadius(metres) }
        case .dashboard: showDashboard()
        case .columnLeft: moveDashboardColumn(by: -1)
        case .columnRight: moveDashboardColumn(by: 1)
        case .typeRadius:
            prompt = Prompt(purpose: .radius, field: TextField(String(nearby.radiusMetres)))
        case .filter: push(.picker(.filter))
        case .clearFilter: setFilter(.none)
        case .toggleMap: toggleMap()
        case .zoomIn: zoomMap(by: 1)
        case .zoomOut: zoomMap(by: -1)
        case .panLeft: panMap(columns: -1, rows: 0)
        case .panRight: panMap(columns: 1, rows: 0)
        case .panUp: panMap(columns: 0, rows: -1)
        case .panDown: panMap(columns: 0, rows: 1)
        case .recentre: recentreMap()
        case .toggleLegend: toggleLegend()
        case .nextPoint: selectMapPoint(forward: true)
        case .previousPoint: selectMapPoint(forward: false)
        case .star: toggleStar()
        case .favourites: showRecords(.favourites)
        case .history: showRecords(.history)
        case .savePlace: startSavingPlace()
        case .copyAddress: copyPoint(coordinatesOnly: false)
        case .copyCoordinates: copyPoint(coordinatesOnly: true)
        case .toggleLanguage:
            options.language = language == .chinese ? .english : .chinese
            if case .picker = page { refreshPicker() }
            if stack.contains(.nearby) { refreshNearby() }
            for page in stack { reveal(page) }
        case .insert, .deleteBackward, .caretLeft, .caretRight, .caretHome, .caretEnd:
            editField(command)
        }
        return .redraw
    }

    // MARK: Navigation

    mutating func push(_ page: Page) {
        stack.append(page)
        prepare(page)
        noteOpened(page)
    }

    mutating func back() {
        guard stack.count > 1 else {
            message = language.pick("已在最上层；按 q 退出", "At the top; press q to quit")
            return
        }
        stack.removeLast()
        prepare(page)
    }

    /// Loads what a page needs when it comes on screen and keeps its cursor visible.
    mutating func prepare(_ page: Page) {
        switch page {
        case .reader(let id): loadDocument(id)
        case .contents(let id): loadDocument(id)
        case .find: refreshFind()
        case .picker: refreshPicker()
        case .nearby: refreshNearby()
        case .map:
            if nearby.location == nil { refreshNearby() }
            if map.scene == nil { refreshMap() }
        default: break
        }
        reveal(page)
    }

    mutating func reveal(_ page: Page) {
        let shape = shape(of: page)
        positions[page.positionKey, default: ListPosition()].reveal(count: shape.count, visible: shape.visible)
    }

    /// Opens the selected row of the page on screen.
    mutating func open() {
        let position = positions[page.positionKey] ?? ListPosition()
        switch page {
        case .domains:
            guard catalogue.domains.indices.contains(position.cursor) else { return }
            push(.items(domainID: catalogue.domains[position.cursor].id))
        case .items(let domainID):
            let items = context.items(inDomain: domainID)
            guard items.indices.contains(position.cursor) else { return }
            let item = catalogue.items[items[position.cursor]]
            push(context.points(servingItem: item.id).isEmpty ? .item(item.id) : .points(itemID: item.id))
        case .points(let itemID):
            let points = context.points(servingItem: itemID)
            guard points.indices.contains(position.cursor) else { return }
            push(.point(catalogue.point(at: points[position.cursor]).id))
        case .item, .point, .favourites, .history:
            let rows = sheetRows(page)
            guard rows.indices.contains(position.cursor) else { return }
            if let link = rows[position.cursor].link {
                push(link)
            } else {
                message = language.pick("这一行没有可打开的内容；按 Tab 跳到可打开的行", "Nothing to open here; Tab jumps to a row that opens")
            }
        case .contents(let id):
            guard let document, document.standardID == id, document.headings.indices.contains(position.cursor) else { return }
            readerAnchors[id] = ReaderDocument.Anchor(source: document.headings[position.cursor].source, offset: 0)
            back()
            rememberReadingPosition()
        case .find:
            guard findRows.indices.contains(position.cursor), case .hit(let record) = findRows[position.cursor] else { return }
            place(record)
        case .nearby:
            openNearbyResult(position.cursor)
        case .map:
            openMapSelection()
        case .picker(let purpose):
            choosePicker(purpose, index: position.cursor)
        case .dashboard:
            openDashboardCell()
        case .reader, .help, .coverageGaps:
            break
        }
    }

    /// Shows the selected record's details page.
    mutating func details() {
        let position = positions[page.positionKey] ?? ListPosition()
        switch page {
        case .items(let domainID):
            let items = context.items(inDomain: domainID)
            guard items.indices.contains(position.cursor) else { return }
            push(.item(catalogue.items[items[position.cursor]].id))
        case .points(let itemID):
            // Enter already opens a point; here `i` shows the item the points provide.
            push(.item(itemID))
        case .domains:
            guard catalogue.domains.indices.contains(position.cursor) else { return }
            message = catalogue.domains[position.cursor].summary
        default:
            break
        }
    }

    /// Moves a details page's cursor to the next or previous link row, wrapping around.
    mutating func jumpToLink(forward: Bool) {
        guard page.mode == .itemDetail || page.mode == .pointDetail || page.mode == .records else { return }
        let rows = sheetRows(page)
        let links = rows.indices.filter { rows[$0].link != nil }
        guard !links.isEmpty else { return }
        let cursor = positions[page.positionKey]?.cursor ?? 0
        let target = forward ? (links.first { $0 > cursor } ?? links[0]) : (links.last { $0 < cursor } ?? links[links.count - 1])
        let shape = shape(of: page)
        positions[page.positionKey, default: ListPosition()].select(target, count: shape.count, visible: shape.visible)
    }

    // MARK: Motion

    /// How many rows a page has, how many show at once, and whether it scrolls without a cursor.
    func shape(of page: Page) -> (count: Int, visible: Int, scrollOnly: Bool) {
        let visible = layout.visibleRows(for: page)
        switch page {
        case .domains: return (catalogue.domains.count, visible, false)
        case .items(let d): return (context.items(inDomain: d).count, visible, false)
        case .points(let i): return (context.points(servingItem: i).count, visible, false)
        case .item, .point, .favourites, .history: return (sheetRows(page).count, visible, false)
        case .reader: return (document?.lines.count ?? 0, visible, true)
        case .contents: return (document?.headings.count ?? 0, visible, false)
        case .find: return (findRows.count, visible, false)
        case .nearby: return (nearby.lines.count, visible, false)
        case .map: return (0, visible, true)
        case .picker: return (pickerChoices.count, visible, false)
        case .dashboard: return (dashboard.rowCount, visible, false)
        case .coverageGaps(let r, let c): return (coverageGapLines(row: r, column: c).count, visible, true)
        case .help(let mode): return (HelpPage.rows(for: mode, keyMap: keyMap, language: language, linkMark: options.asciiBorders ? ">" : "▸").count, visible, true)
        }
    }

    var pageRows: Int { layout.visibleRows(for: page) }

    mutating func move(by delta: Int) {
        let shape = shape(of: page)
        if case .reader(let id) = page, let document {
            let top = readerTop
            let newTop = max(0, min(top + delta, max(0, document.lines.count - shape.visible)))
            readerAnchors[id] = document.anchor(ofLine: newTop)
            rememberReadingPosition()
            return
        }
        var position = positions[page.positionKey] ?? ListPosition()
        if shape.scrollOnly {
            position.scroll(by: delta, count: shape.count, visible: shape.visible)
        } else {
            var target = position.cursor + delta
            if case .find = page { target = nearestHit(from: target, direction: delta < 0 ? -1 : 1) }
            position.select(target, count: shape.count, visible: shape.visible)
        }
        positions[page.positionKey] = position
    }

    mutating func move(toIndex index: Int) {
        let current: Int
        if case .reader = page { current = readerTop } else { current = positions[page.positionKey]?.cursor ?? 0 }
        let clamped = max(0, min(index, shape(of: page).count - 1))
        move(by: clamped - current)
    }

    /// The first screen line of the reader.
    var readerTop: Int {
        guard let document, let anchor = readerAnchors[document.standardID] else { return 0 }
        return document.line(of: anchor)
    }

    /// The reader's line length: the window less a margin, at most a comfortable measure.
    var readerColumns: Int { max(1, min(width - 2, Self.readerMeasure)) }
    /// Lines longer than this are hard to follow, so wide windows centre the text instead.
    static let readerMeasure = 100

    // MARK: Details pages

    func sheetRows(_ page: Page) -> [SheetRow] {
        // Long values wrap at a readable measure even in very wide windows.
        RecordSheet(context: context, columns: max(1, min(width - 2, Self.readerMeasure + 14)), language: language,
                    ambiguousWide: options.ambiguousWide, ascii: options.asciiBorders, starred: starredRecords).rows(for: page)
    }

    // MARK: Reader

    mutating func loadDocument(_ id: String) {
        if let document, document.standardID == id {
            let columns = readerColumns
            self.document?.resize(columns: columns, ambiguousWide: options.ambiguousWide)
            return
        }
        let body: String
        do {
            body = try context.bodies.body(ofStandard: id)
        } catch {
            body = language.pick("无法读取正文：\(error)", "Cannot read the text: \(error)")
        }
        document = ReaderDocument(standardID: id, body: body, columns: readerColumns, ambiguousWide: options.ambiguousWide)
        if readerAnchors[id] == nil, let saved = context.userState.readingPosition(of: id),
           let document, document.sourceLines.indices.contains(saved.sourceLine) {
            readerAnchors[id] = ReaderDocument.Anchor(source: saved.sourceLine,
                                                      offset: min(saved.offset, document.sourceLines[saved.sourceLine].count))
        }
    }

    mutating func showContents() {
        guard case .reader(let id) = page, let document else { return }
        guard !document.headings.isEmpty else {
            message = language.pick("这篇正文没有章节标题", "This text has no headings")
            return
        }
        let topSource = document.lines.indices.contains(readerTop) ? document.lines[readerTop].source : 0
        let current = document.headings.lastIndex(where: { $0.source <= topSource }) ?? 0
        push(.contents(standardID: id))
        let shape = shape(of: page)
        positions[page.positionKey, default: ListPosition()].select(current, count: shape.count, visible: shape.visible)
    }

    mutating func runTextSearch(_ query: String) {
        guard document != nil else { return }
        document?.search(query)
        guard !query.isEmpty else { return }
        if document?.matches.isEmpty ?? true {
            message = language.pick("找不到“\(query)”", "“\(query)” not found")
            return
        }
        jumpToMatch(forward: true, includingTop: true)
    }

    mutating func jumpToMatch(forward: Bool, includingTop: Bool = false) {
        guard case .reader(let id) = page, let document else { return }
        guard !document.matches.isEmpty else {
            message = language.pick("先按 / 输入要查找的文字", "Press / to search first")
            return
        }
        let top = readerTop
        let lines = document.matches.map { document.line(ofMatch: $0) }
        let target: Int?
        if forward {
            target = lines.first(where: { includingTop ? $0 >= top : $0 > top }) ?? lines.first
        } else {
            target = lines.last(where: { $0 < top }) ?? lines.last
        }
        guard let target else { return }
        let number = (lines.firstIndex(of: target) ?? 0) + 1
        readerAnchors[id] = document.anchor(ofLine: max(0, min(target, document.lines.count - 1)))
        rememberReadingPosition()
        message = language.pick("匹配 \(number)/\(lines.count)", "Match \(number) of \(lines.count)")
    }

    // MARK: Fields

    mutating func applyToPrompt(_ prompt: Prompt, _ command: Command) -> Outcome {
        var field = prompt.field
        switch command {
        case .submit:
            self.prompt = nil
            switch prompt.purpose {
            case .textSearch: runTextSearch(field.text)
            case .placeName: savePlace(named: field.text)
            case .radius:
                if let metres = Int(field.text.filter { !$0.isWhitespace }), metres > 0, metres <= 50_000 {
                    setRadius(metres)
                } else {
                    message = language.pick("范围须为 1–50000 米的整数", "The radius must be a whole number of metres, 1–50000")
                }
            }
        case .cancel:
            self.prompt = nil
        case .help:
            self.prompt = nil
            push(.help(.prompt))
        default:
            if prompt.purpose == .radius, case .insert(let c) = command, !(c.isASCII && c.isNumber) {
                message = language.pick("只能输入数字", "Digits only")
            } else if edit(&field, command, limit: FieldLimit.prompt(prompt.purpose)) {
                self.prompt = Prompt(purpose: prompt.purpose, field: field)
            }
        }
        return .redraw
    }

    mutating func editField(_ command: Command) {
        switch page {
        case .find:
            var field = findField
            guard edit(&field, command, limit: FieldLimit.find) else { return }
            findField = field
            refreshFind()
        case .picker(let purpose):
            var field = pickerField
            guard edit(&field, command, limit: FieldLimit.picker(purpose)) else { return }
            pickerField = field
            refreshPicker()
        default:
            break
        }
    }

    /// Edits a field within its limit; true when it changed. A character past the limit is
    /// refused with a message that states the limit.
    private mutating func edit(_ field: inout TextField, _ command: Command, limit: Int) -> Bool {
        switch field.edit(command, limit: limit) {
        case .changed:
            return true
        case .refusedAtLimit:
            message = language.pick("此处最多输入 \(limit) 个字符", "At most \(limit) characters here")
            return false
        case .notAnEdit:
            return false
        }
    }
}
