import ArgumentParser
import Catalogue
import CatalogueStore
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a catalogue folder and report every problem with file and line.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 65 when there are errors.")

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "The catalogue folder (default: --catalogue, else the embedded catalogue).") var directory: String?
    @Option(help: "Output format: table (diagnostics as text) or json.") var format: OutputFormat = .table

    func run() throws {
        let folder = try directory.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? options.folder()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw CLIError.missing(options.lang.pick("目录不存在：\(folder.path)", "no such folder: \(folder.path)"))
        }
        guard isDirectory.boolValue else {
            throw CLIError.missing(options.lang.pick("不是目录：\(folder.path)；请给出目录源文件所在的文件夹",
                                                     "not a folder: \(folder.path); give the folder that holds the catalogue's files"))
        }
        // Checking keeps no point, so a catalogue of millions of points validates in flat memory.
        let validation = CatalogueLoader.validate(folder: folder)
        try Self.report(validation.diagnostics, folder: folder, format: format, lang: options.lang,
                        success: validation.counts.map { Self.summary($0, lang: options.lang) })
    }

    /// Prints diagnostics (stderr for text, stdout for JSON) and fails with 65 when any is an error.
    static func report(_ diagnostics: [Diagnostic], folder: URL, format: OutputFormat, lang: Language, success: String?) throws {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if format == .json {
            print(JSONOut.object([
                ("catalogue", .string(folder.path)), ("errors", .int(errors)), ("warnings", .int(warnings)),
                ("diagnostics", .array(diagnostics.map { d in
                    .object([("severity", .string(d.severity.rawValue)), ("file", .string(d.location.file)),
                             ("line", .int(d.location.line)), ("column", .int(d.location.column)),
                             ("path", .optional(d.location.path)), ("message", .string(d.message))])
                })),
            ]).rendered())
        } else {
            for d in diagnostics { printError(d.description) }
        }
        if errors > 0 {
            throw CLIError.data(lang.pick("\(folder.path)：\(errors) 处错误，\(warnings) 条警告；目录未编译，上一版编译结果保持不变",
                                          "\(folder.path): \(errors) error(s), \(warnings) warning(s); not compiled, the previous compiled catalogue is kept"))
        }
        if format != .json, let success {
            print(success + (warnings > 0 ? lang.pick("；\(warnings) 条警告", "; \(warnings) warning(s)") : ""))
        }
    }

    static func summary(_ c: ServiceCatalogue, lang: Language) -> String {
        summary(CatalogueMetadata.Counts(domains: c.domains.count, items: c.items.count,
                                         futianItems: c.items.filter(\.isFutianSpecific).count,
                                         points: c.points.count, standards: c.standards.count), lang: lang)
    }

    /// "catalogue valid: …" with what the catalogue holds.
    static func summary(_ c: CatalogueMetadata.Counts, lang: Language) -> String {
        lang.pick("目录有效：\(c.domains) 个领域，\(c.items) 个事项（福田特色 \(c.futianItems) 个），\(c.points) 个服务点，\(c.standards) 个标准文本与服务指南",
                  "catalogue valid: \(c.domains) domains, \(c.items) items (\(c.futianItems) Futian items), \(c.points) points, \(c.standards) standard texts and guides")
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate and compile the catalogue now (it is otherwise compiled on first use and when its sources change).")

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let folder = try options.folder()
        let cache = CatalogueCache(directory: CatalogueCache.defaultDirectory(environment: ProcessEnvironment.values))
        let outcome: BuildOutcome
        do {
            outcome = try cache.build(folder: folder)
        } catch {
            if case .missingCatalogue = error { throw CLIError.missing(error.description) }
            if case .unwritable = error { throw CLIError.cannotCreate(error.description) }
            throw CLIError.data(error.description)
        }
        let summary = outcome.compiled.map { ValidateCommand.summary($0, lang: options.lang) }
        try ValidateCommand.report(outcome.diagnostics, folder: folder, format: .table, lang: options.lang,
                                   success: summary.map { $0 + options.lang.pick("\n已编译到 \(outcome.databasePath)", "\ncompiled to \(outcome.databasePath)") })
    }
}
