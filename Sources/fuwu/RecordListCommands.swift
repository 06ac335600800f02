import ArgumentParser
import Catalogue
import Foundation

/// `fuwu favourites`: the records starred in the browser.
struct FavouritesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favourites", abstract: "List the items, points and texts you starred in the browser (key *).",
        aliases: ["favorites"])

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let lang = options.lang
        let entries = StateAccess.open(lang: lang).favourites()
        if entries.isEmpty && format == .table {
            print(lang.pick("还没有收藏。在浏览器中对事项、服务点或标准按 * 收藏。", "No favourites yet. Press * on an item, point or text in the browser."))
            return
        }
        let catalogue = try options.open().catalogue
        RecordListing(catalogue: catalogue, lang: lang, timeHeader: lang.pick("收藏于", "starred")).show(entries, format: format)
    }
}

/// `fuwu history`: the last records opened in the browser.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the last 100 items, points and texts opened in the browser, latest first.")

    @OptionGroup var options: CatalogueOptions
    @Flag(help: "Forget the history.") var clear = false
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let lang = options.lang
        let state = StateAccess.open(lang: lang)
        if clear {
            do { try state.clearHistory() } catch { throw CLIError(error, lang: lang) }
            print(lang.pick("历史记录已清空", "History cleared"))
            return
        }
        let entries = state.history()
        if entries.isEmpty && format == .table {
            print(lang.pick("还没有历史记录。", "No history yet."))
            return
        }
        let catalogue = try options.open().catalogue
        RecordListing(catalogue: catalogue, lang: lang, timeHeader: lang.pick("打开于", "opened")).show(entries, format: format)
    }
}

/// The table of starred or opened records shared by `favourites` and `history`.
struct RecordListing {
    let catalogue: ServiceCatalogue
    let lang: Language
    let timeHeader: String

    func kindName(_ kind: RecordReference.Kind) -> String {
        switch kind {
        case .item: return lang.pick("事项", "item")
        case .point: return lang.pick("服务点", "point")
        case .standard: return lang.pick("标准", "text")
        }
    }

    func show(_ entries: [UserRecordEntry], format: OutputFormat) {
        var table = TextTable(headers: [timeHeader, lang.pick("类别", "kind"), lang.pick("编号", "id"), lang.pick("名称", "name")])
        for entry in entries {
            table.add([Self.shenzhenTime(entry.unixSeconds), kindName(entry.record.kind), entry.record.id,
                       entry.record.title(in: catalogue) ?? lang.pick("（目录中已没有）", "(no longer in the catalogue)")])
        }
        emit(format, table: table, json: .array(entries.map { entry in
            .object([("kind", .string(entry.record.kind.rawValue)), ("id", .string(entry.record.id)),
                     ("title", .optional(entry.record.title(in: catalogue))), ("at", .string(Self.iso8601(entry.unixSeconds)))])
        }))
    }

    /// `2026-12-01 10:00` in Shenzhen time.
    static func shenzhenTime(_ seconds: Int64) -> String {
        String(iso8601(seconds).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// `2026-12-01T10:00:00+08:00`.
    static func iso8601(_ seconds: Int64) -> String {
        var time = time_t(seconds + ShenzhenTime.offsetSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
