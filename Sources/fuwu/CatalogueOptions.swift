import ArgumentParser
import Catalogue
import CatalogueStore
import ChineseText
import Foundation

/// Options every catalogue command shares: which catalogue, which language.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the catalogue in this folder instead of the embedded Futian catalogue.", valueName: "dir"))
    var catalogue: String?

    @Option(name: .long, help: "Language of labels and messages: zh (default) or en.")
    var lang: Language = .zh

    /// The catalogue folder to use, and how it was found (see `CatalogueLocator` for the order).
    func location() throws -> CatalogueLocation {
        if let catalogue {
            return CatalogueLocation(folder: URL(fileURLWithPath: catalogue, isDirectory: true).standardizedFileURL, origin: .option)
        }
        guard let found = CatalogueLocator.current().locate() else {
            throw CLIError.missing(lang.pick(
                "找不到福田目录（已找过 FUWU_CATALOGUE、程序旁的 share/fuwu/futian、XDG_DATA_DIRS 和源代码目录）；请用 --catalogue DIR 指定目录，或设置 FUWU_CATALOGUE",
                "cannot find the Futian catalogue (looked at FUWU_CATALOGUE, share/fuwu/futian beside the binary, XDG_DATA_DIRS and the source tree); pass --catalogue DIR or set FUWU_CATALOGUE"))
        }
        return found
    }

    /// The catalogue folder to use.
    func folder() throws -> URL { try location().folder }

    /// Opens the catalogue, compiling it when its sources changed, and reports on stderr when an
    /// older compiled copy had to be used.
    func open() throws -> OpenedCatalogue {
        try open(folder: folder())
    }

    /// Opens the catalogue in `folder` as `open()` does.
    func open(folder: URL) throws -> OpenedCatalogue {
        let cache = CatalogueCache(directory: CatalogueCache.defaultDirectory(environment: ProcessEnvironment.values))
        let opened: OpenedCatalogue
        do {
            opened = try cache.open(folder: folder)
        } catch {
            switch error {
            case .missingCatalogue:
                throw CLIError.missing(error.description)
            case .invalidSources(_, let diagnostics):
                for diagnostic in diagnostics.prefix(20) { printError(diagnostic.description) }
                if diagnostics.count > 20 { printError("… \(diagnostics.count - 20) more; run 'fuwu validate'") }
                throw CLIError.data(error.description)
            case .unwritable:
                throw CLIError.cannotCreate(error.description)
            default:
                throw CLIError.data(error.description)
            }
        }
        if let damage = opened.repairedDamage {
            printError(lang.pick("fuwu: 提示: 编译好的目录已损坏（\(damage)），已从源文件重新编译",
                                 "fuwu: note: the compiled catalogue was damaged (\(damage)); rebuilt it from the sources"))
        }
        switch opened.status {
        case .stale(let diagnostics, let compiledAt):
            let errors = diagnostics.filter { $0.severity == .error }.count
            printError(lang.pick(
                "fuwu: 警告: 目录源文件有 \(errors) 处错误，正在使用 \(compiledAt) 编译的上一版目录；运行 'fuwu validate' 查看详情",
                "fuwu: warning: the catalogue sources have \(errors) error(s); using the previous compiled catalogue from \(compiledAt); run 'fuwu validate' for details"))
        case .compiled(let warnings) where !warnings.isEmpty:
            printError(lang.pick(
                "fuwu: 提示: 目录已编译，有 \(warnings.count) 条警告；运行 'fuwu validate' 查看",
                "fuwu: note: catalogue compiled with \(warnings.count) warning(s); run 'fuwu validate' to see them"))
        default:
            break
        }
        KeptUntilExit.catalogues.append(opened)
        return opened
    }
}

extension CatalogueOptions {
    /// Resolves filters as the user typed them; an unknown one becomes a missing-input error.
    func filters(domain: String? = nil, item: String? = nil, pointType: String? = nil, subdistrict: String? = nil,
                 in catalogue: ServiceCatalogue) throws -> TypedFilters {
        do {
            return try TypedFilters(domain: domain, item: item, pointType: pointType, subdistrict: subdistrict, in: catalogue)
        } catch {
            throw CLIError(error, lang: lang)
        }
    }
}

/// Output format of listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// Writes a message to stderr, sanitised: messages echo arguments and catalogue text, and
/// neither may reach the terminal as control sequences.
func printError(_ text: String) {
    StandardStreams.writeError(Sanitiser.text(text) + "\n")
}

/// The catalogues this process opened, kept until it exits: freeing a decoded catalogue value by
/// value (every point's strings) cost `fuwu points` 4 M instructions, more than a tenth of the
/// command, where the exit frees the whole address space at once.
enum KeptUntilExit {
    nonisolated(unsafe) static var catalogues: [OpenedCatalogue] = []
}
