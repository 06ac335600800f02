import ArgumentParser
import Catalogue
import CatalogueStore
import Geodesy

/// `fuwu places`: the user's saved places (家, 公司), usable wherever a location is.
struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "Save, list and remove your own named places (home, work), usable wherever a location is.",
        discussion: """
        Saved places live in the state file ($FUWU_STATE_DIR, else $XDG_STATE_HOME/fuwu, else \
        ~/.local/state/fuwu, file state.sqlite). A saved name equal to a catalogue name wins, and \
        the answer says so.
        """,
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Save a place under a name (replacing one of the same name).")

        @OptionGroup var options: CatalogueOptions
        @Argument(help: "The name, such as 家 or 公司.") var name: String
        @Option(help: ArgumentHelp("Where: coordinates, metro station, service point, subdistrict or another saved place.", valueName: "location"))
        var at: String
        @Option(help: ArgumentHelp("Datum of coordinates given with --at: wgs84, gcj02 or bd09.", valueName: "datum"))
        var datum: String = "wgs84"
        @Flag(name: .customLong("lng-lat"), help: "Coordinates are longitude first (114.0579,22.5431).")
        var longitudeFirst = false

        func run() throws {
            let lang = options.lang
            let trimmed = SavedPlace.name(from: name)
            if let problem = SavedPlace.problem(withName: trimmed) {
                throw CLIError.usage(lang.pick("名称“\(name)”不可用：\(problem.chinese)", "cannot use the name \"\(name)\": \(problem.english)"))
            }
            guard let readDatum = Datum(loose: datum) else {
                throw CLIError.usage(lang.pick("未知坐标系“\(datum)”；可用：wgs84、gcj02、bd09", "unknown datum \"\(datum)\"; use wgs84, gcj02 or bd09"))
            }
            let opened = try options.open()
            let state = StateAccess.open(lang: lang)
            let location: ResolvedLocation
            let places = StoredPlaceNames(opened)
            do {
                location = try NearbyCommand.resolve(at, datum: readDatum, longitudeFirst: longitudeFirst, in: opened.catalogue,
                                                     savedPlaces: state.savedPlaces(), places: places.table)
            } catch {
                try places.throwDamage()
                throw CLIError(error, lang: lang)
            }
            try places.throwDamage()
            let replaced = state.savedPlaces().contains { $0.name == trimmed }
            do {
                try state.save(SavedPlace(name: trimmed, location: location.origin, datumRead: location.datumRead,
                                          coordinateRead: location.coordinateRead,
                                          savedFrom: lang.pick(location.chineseLabel, location.englishLabel)))
            } catch {
                throw CLIError(error, lang: lang)
            }
            let wgs = ResolvedLocation.format(location.origin)
            print(lang.pick("\(replaced ? "已更新" : "已保存")“\(trimmed)”：\(location.chineseLabel) → WGS-84 \(wgs)",
                            "\(replaced ? "Updated" : "Saved") \"\(trimmed)\": \(location.englishLabel) → WGS-84 \(wgs)"))
            if let note = lang == .zh ? location.readingNoteChinese : location.readingNoteEnglish { print(note) }
            let hidden = LocationResolver(catalogue: opened.catalogue).cataloguePlaces(named: trimmed)
            if !hidden.isEmpty {
                print(lang.pick("注意：目录中也有同名地点 " + hidden.map(\.chineseLabel).joined(separator: "、") + "；--at “\(trimmed)” 今后指你保存的地点",
                                "Note: the catalogue also has " + hidden.map(\.englishLabel).joined(separator: "; ") + "; --at \"\(trimmed)\" now means your saved place"))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved places.")

        @Option(name: .long, help: "Language of labels and messages: zh (default) or en.") var lang: Language = .zh
        @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

        func run() throws {
            let places = StateAccess.open(lang: lang).savedPlaces()
            if places.isEmpty && format == .table {
                print(lang.pick("还没有保存的地点。用 fuwu places add 家 --at 22.5431,114.0579 保存一个，或在浏览器的附近页按 s。",
                                "No saved places yet. Save one with fuwu places add home --at 22.5431,114.0579, or press s on the browser's nearby screen."))
                return
            }
            var table = TextTable(headers: [lang.pick("名称", "name"), lang.pick("位置 (WGS-84)", "location (WGS-84)"),
                                            lang.pick("读取", "read as"), lang.pick("来自", "saved from")])
            for place in places {
                table.add([place.name, ResolvedLocation.format(place.location),
                           "\(place.datumRead.rawValue) \(ResolvedLocation.format(place.coordinateRead))", place.savedFrom])
            }
            emit(format, table: table, json: .array(places.map { place in
                .object([("name", .string(place.name)), ("location", .coordinate(place.location)),
                         ("datum_read", .string(place.datumRead.rawValue)), ("coordinate_read", .coordinate(place.coordinateRead)),
                         ("saved_from", .string(place.savedFrom))])
            }))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved place.")

        @Option(name: .long, help: "Language of labels and messages: zh (default) or en.") var lang: Language = .zh
        @Argument(help: "The saved name.") var name: String

        func run() throws {
            let state = StateAccess.open(lang: lang)
            let removed: Bool
            do { removed = try state.removePlace(named: name) } catch { throw CLIError(error, lang: lang) }
            guard removed else {
                let known = state.savedPlaces().map(\.name)
                throw CLIError.missing(lang.pick(
                    "没有保存的地点“\(name)”" + (known.isEmpty ? "" : "；已保存：" + known.joined(separator: "、")),
                    "no saved place \"\(name)\"" + (known.isEmpty ? "" : "; saved: " + known.joined(separator: ", "))))
            }
            print(lang.pick("已删除“\(name)”", "Removed \"\(name)\""))
        }
    }
}
