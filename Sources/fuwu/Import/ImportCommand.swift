import ArgumentParser
import Catalogue
import CatalogueImport
import Foundation
import Geodesy

/// `fuwu import`: the district's own files into a catalogue folder, planned in memory, written
/// beside the old folder, validated and swapped in atomically.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import spreadsheets, GeoJSON and Word standards into a catalogue folder.",
        discussion: """
        Tables (.xlsx, .csv, .geojson, .json) need a mapping: 'fuwu import --guess FILE' proposes one. \
        Texts (.docx, .md, .txt) need none. --dry-run prints the plan and writes nothing; a real run \
        writes the new catalogue beside the old, validates it and swaps it in, or leaves the old one \
        byte for byte as it was. Exit status 65 when rows are rejected, conflicts are undecided or the \
        result does not validate; 78 when the mapping cannot be used.
        """)

    @Argument(help: "The files to import.") var files: [String] = []
    @Option(help: ArgumentHelp("The catalogue folder to import into (created when it does not exist).", valueName: "dir")) var into: String?
    @Option(help: ArgumentHelp("The TOML mapping of the table files.", valueName: "map")) var mapping: String?
    @Option(help: "The datum of the coordinates, overriding the mapping: wgs84, gcj02 or bd09.") var datum: String?
    @Option(help: "official (the district's own files, default) or reference (public sources).") var provenance: String = "official"
    @Flag(help: "Print the plan and write nothing.") var dryRun = false
    @Flag(help: "Import the rows that can be read and list the others, instead of refusing the whole import.") var skipRejected = false
    @Option(help: "Decide conflicts with records of other provenance: new or old.") var prefer: String?
    @Option(help: "Output format of the plan: table or json.") var format: OutputFormat = .table
    @Flag(help: "Print a mapping proposal for one table file and import nothing.") var guess = false
    @Option(name: .long, help: "Language of labels and messages: zh (default) or en.") var lang: Language = .zh

    func run() throws {
        try perform(output: { Swift.print($0, terminator: "") }, errorOutput: printError, isTerminal: isatty(2) == 1)
    }

    /// The import with its output, its error lines and whether stderr is a terminal given, so that
    /// tests (the import fuzzer) run it whole in process; failures are thrown as `CLIError`.
    func perform(output: (String) -> Void, errorOutput: (String) -> Void, isTerminal: Bool) throws {
        if guess { return try runGuess(output: output) }
        guard !files.isEmpty else { throw CLIError.usage(lang.pick("请给出要导入的文件", "give the files to import")) }
        guard let into else { throw CLIError.usage(lang.pick("请用 --into DIR 指定目录文件夹", "say which catalogue folder with --into DIR")) }
        guard format != .csv else { throw CLIError.usage(lang.pick("--format 只能是 table 或 json", "--format must be table or json")) }
        let preference = try prefer.map { name -> ConflictPreference in
            guard let p = ConflictPreference(rawValue: name) else { throw CLIError.usage("--prefer must be new or old, not \"\(name)\"") }
            return p
        }
        let datumValue = try datum.map { name -> Datum in
            guard let d = Datum(loose: name) else { throw CLIError.usage("--datum must be wgs84, gcj02 or bd09, not \"\(name)\"") }
            return d
        }
        guard ["official", "reference"].contains(provenance) else {
            throw CLIError.usage("--provenance must be official or reference, not \"\(provenance)\"")
        }
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw CLIError.missing(lang.pick("文件不存在：\(file)", "no such file: \(file)"))
        }
        let mappingValue = try mapping.map(Self.readMapping)
        let target = URL(fileURLWithPath: into, isDirectory: true).standardizedFileURL
        let (base, baseFolder, isNew) = try Self.base(target, lang: lang, errorOutput: errorOutput)
        guard let description = Self.description(of: baseFolder) else {
            throw CLIError.data("cannot read \(baseFolder.appendingPathComponent("catalogue.json").path)")
        }
        let request = ImportRequest(files: files, mapping: mappingValue, datum: datumValue, provenanceKind: provenance,
                                    prefer: preference, date: Self.today())
        var progress = ImportProgress(files: files, isTerminal: isTerminal)
        let writer = CatalogueFolderWriter(target: target, base: baseFolder, baseDescription: description)
        // The points the import adds wait in a file beside the staging folder, not in memory; it goes however the
        // import ends. Where it cannot be made (a new folder whose parent does not exist yet), they stay in memory.
        let spool = try? AddedPointSpool(path: writer.spoolPath)
        defer { spool?.remove() }
        let plan: ImportPlan
        do {
            plan = try ImportRun.plan(request, into: base, spool: spool, openTable: ImportReaders.openTable, convertText: ImportReaders.convertText) { file, bytesRead in
                progress.update(file: file, bytesRead: bytesRead)
            }
        } catch {
            progress.finish()
            throw CLIError(message: error.description, code: Self.isMappingProblem(error, mapping: mapping) ? 78 : 65)
        }
        progress.finish()
        var diagnostics: [Diagnostic] = []
        var staged: URL?
        let refused = (!plan.rejected.isEmpty && !skipRejected) || !plan.undecided.isEmpty
        if !refused && (plan.changesCatalogue || isNew) {
            do {
                let folder = try writer.stage(plan, newCatalogue: isNew)
                if dryRun { try? FileManager.default.removeItem(at: folder) } else { staged = folder }
            } catch .invalid(let errors) {
                diagnostics = errors
            } catch {
                throw Self.cliError(error)
            }
        }
        output(ImportPlanOutput(plan: plan, target: target, dryRun: dryRun, lang: lang, diagnostics: diagnostics).rendered(format: format))
        if !plan.rejected.isEmpty && !skipRejected {
            throw CLIError.data(lang.pick("\(plan.rejected.count) 行无法导入（见上）；目录未改动。请修正文件或映射后重试",
                                          "\(plan.rejected.count) row(s) cannot be imported (listed above); the catalogue is unchanged. Fix the files or the mapping and try again"))
        }
        if !plan.undecided.isEmpty {
            throw CLIError.data(lang.pick("\(plan.undecided.count) 处冲突未决定（见上）；目录未改动。请用 --prefer new 或 --prefer old",
                                          "\(plan.undecided.count) conflict(s) undecided (listed above); the catalogue is unchanged. Pass --prefer new or --prefer old"))
        }
        if !diagnostics.isEmpty {
            for d in diagnostics.prefix(20) { errorOutput(d.description) }
            throw CLIError.data(lang.pick("导入结果未通过校验（\(diagnostics.count) 处错误，见上）；目录未改动",
                                          "the imported catalogue does not validate (\(diagnostics.count) error(s), listed above); the catalogue is unchanged"))
        }
        guard let staged else { return }
        do {
            try writer.swap(staged, newCatalogue: isNew)
        } catch {
            throw Self.cliError(error)
        }
    }

    static func cliError(_ error: CatalogueFolderWriter.Failure) -> CLIError {
        switch error {
        case .write(let reason), .swap(let reason): return CLIError.cannotCreate(reason + "; the catalogue is unchanged")
        case .invalid(let errors): return CLIError.data("the imported catalogue does not validate: \(errors.first?.description ?? "")")
        case .injected: return CLIError.cannotCreate("stopped after writing the new catalogue (FUWU_IMPORT_FAIL_AFTER_WRITE); the catalogue is unchanged")
        }
    }

    static func isMappingProblem(_ problem: ImportProblem, mapping: String?) -> Bool {
        guard let mapping else { return problem.reason.contains("needs a mapping") }
        return problem.file == mapping || problem.reason.contains("the mapping") || problem.reason.contains("point_type")
    }

    /// The mapping file, parsed; a bad one is exit status 78 (EX_CONFIG).
    static func readMapping(_ path: String) throws -> ImportMapping {
        guard case .success(let data) = SourceFile.read(path) else {
            throw CLIError.missing("cannot read the mapping \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "\(path): the mapping is not UTF-8 text", code: 78)
        }
        do {
            return try ImportMapping.parse(text, file: path)
        } catch {
            throw CLIError(message: error.description, code: 78)
        }
    }

    /// The catalogue to merge into: the target's own, or — for a new or empty folder — the frame of
    /// the embedded catalogue (metadata, domains, types, subdistricts, boundary) without its records.
    static func base(_ target: URL, lang: Language, errorOutput: (String) -> Void) throws -> (LoadedCatalogue, URL, Bool) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw CLIError.usage("--into \(target.path) is a file, not a folder") }
        if exists && fm.fileExists(atPath: target.appendingPathComponent("catalogue.json").path) {
            let report = CatalogueLoader.load(folder: target)
            guard let loaded = report.loaded else {
                for d in report.errors.prefix(20) { errorOutput(d.description) }
                throw CLIError.data(lang.pick("\(target.path) 中的目录有错误（见上）；请先用 fuwu validate 修正",
                                              "the catalogue in \(target.path) has errors (listed above); fix them first (fuwu validate)"))
            }
            return (loaded, target, false)
        }
        if exists, let entries = try? fm.contentsOfDirectory(atPath: target.path), !entries.isEmpty {
            throw CLIError.usage("--into \(target.path) is neither a catalogue folder nor empty; give a catalogue folder or a new one")
        }
        let (frame, frameFolder) = try Self.frame()
        return (frame, frameFolder, true)
    }

    /// The embedded catalogue without its items, points and standards.
    static func frame() throws -> (LoadedCatalogue, URL) {
        guard let frameFolder = CatalogueLocator.current().locate()?.folder else {
            throw CLIError.missing("cannot find the embedded catalogue whose frame a new catalogue starts from; set FUWU_CATALOGUE")
        }
        let report = CatalogueLoader.load(folder: frameFolder)
        guard var frame = report.loaded else { throw CLIError.data("the embedded catalogue \(frameFolder.path) has errors; run fuwu validate") }
        let c = frame.catalogue
        frame = LoadedCatalogue(catalogue: ServiceCatalogue(metadata: c.metadata, sources: c.sources, pointTypes: c.pointTypes,
                                                            domains: c.domains, items: [], points: [], standards: [],
                                                            subdistricts: c.subdistricts, landmarks: c.landmarks, boundary: c.boundary,
                                                            subdistrictBoundaries: c.subdistrictBoundaries), bodies: [:])
        return (frame, frameFolder)
    }

    static func description(of folder: URL) -> JSONNode? {
        guard case .success(let data) = SourceFile.read(folder.appendingPathComponent("catalogue.json").path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return try? JSONParser.parse(text)
    }

    /// Today in Shenzhen, `YYYY-MM-DD`; `FUWU_IMPORT_DATE` fixes it for tests.
    static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["FUWU_IMPORT_DATE"], CellText.isoDate(fixed) == fixed { return fixed }
        let seconds = Int64(Date().timeIntervalSince1970) + ShenzhenTime.offsetSeconds
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    func runGuess(output: (String) -> Void) throws {
        guard files.count == 1, let file = files.first else {
            throw CLIError.usage(lang.pick("--guess 只接受一个表格文件", "--guess takes exactly one table file"))
        }
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError.missing(lang.pick("文件不存在：\(file)", "no such file: \(file)")) }
        let kind = ImportRun.kind(of: file)
        guard kind == .table || kind == .featureList else {
            throw CLIError.usage("\(file): --guess reads tables (.xlsx, .csv, .geojson, .json); texts need no mapping")
        }
        let catalogue: ServiceCatalogue
        if let into, let loaded = CatalogueLoader.load(folder: URL(fileURLWithPath: into, isDirectory: true)).loaded {
            catalogue = loaded.catalogue
        } else {
            catalogue = try Self.frame().0.catalogue
        }
        do {
            let source: any TableSource = kind == .featureList ? try FeatureListSource(path: file) : try ImportReaders.openTable(file)
            output(try MappingGuess.propose(source, catalogue: catalogue, date: Self.today()).toml)
        } catch {
            throw CLIError.data(error.description)
        }
    }
}
