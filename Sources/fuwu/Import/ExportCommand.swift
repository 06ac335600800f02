import ArgumentParser
import Catalogue
import CatalogueImport
import Foundation

/// `fuwu export --into DIR`: the catalogue as CSV files with the mapping that imports them back.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every item, point and standard as UTF-8 CSV, with the mapping that imports them back.",
        discussion: "Writes items.csv, points.csv, standards.csv and mapping.toml into the folder; 'fuwu import --into NEW --mapping DIR/mapping.toml DIR/*.csv' rebuilds the same catalogue.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: ArgumentHelp("The folder to write the CSV files and mapping.toml into (created when missing).", valueName: "dir")) var into: String

    func run() throws {
        let folder = try options.folder()
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            for d in report.errors.prefix(20) { printError(d.description) }
            throw CLIError.data(options.lang.pick("\(folder.path) 中的目录有错误（见上）", "the catalogue in \(folder.path) has errors (listed above)"))
        }
        let target = URL(fileURLWithPath: into, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for (name, text) in CatalogueExport.files(of: loaded) {
                try Data(text.utf8).write(to: target.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            throw CLIError.cannotCreate(options.lang.pick("无法写入 \(target.path)：\(error.localizedDescription)",
                                                          "cannot write into \(target.path): \(error.localizedDescription)"))
        }
        let c = loaded.catalogue
        print(options.lang.pick("已导出 \(c.items.count) 个事项、\(c.points.count) 个服务点、\(c.standards.count) 个标准文本到 \(target.path)",
                                "exported \(c.items.count) items, \(c.points.count) points and \(c.standards.count) texts to \(target.path)"))
    }
}
