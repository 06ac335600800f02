import ArgumentParser
import Catalogue
import Foundation

/// `fuwu --version` (also `fuwu version`): the program's version and the catalogue in use.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the program version and the catalogue in use (the same as fuwu --version).",
        discussion: """
        Prints the version, then the catalogue's folder and how it was found, its name, version \
        date and its counts of reference and sample records. Exits 0, whether or not standard \
        output is a terminal; 66 when no catalogue is found (the version is printed first).
        """)

    @OptionGroup var options: CatalogueOptions

    /// The command for `arguments` when they ask for `--version`: the flag plus, at most, the
    /// catalogue options. Handled before the default `browse`, which would want a terminal.
    static func request(in arguments: [String]) -> VersionCommand? {
        guard let index = arguments.firstIndex(of: "--version") else { return nil }
        var rest = arguments
        rest.remove(at: index)
        return try? VersionCommand.parse(rest)
    }

    func run() throws {
        print("fuwu \(FuwuVersion.number)")
        let lang = options.lang
        let location = try options.location()
        let catalogue = try options.open(folder: location.folder).catalogue
        let m = catalogue.metadata
        let provenances = catalogue.domains.map(\.provenance) + catalogue.items.map(\.provenance)
            + catalogue.points.map(\.provenance) + catalogue.standards.map(\.provenance)
        let sample = provenances.filter(\.isSample).count
        let official = provenances.filter(\.isOfficial).count
        let officialText = official > 0 ? lang.pick("官方 \(official) 条，", "\(official) official, ") : ""
        var fields = FieldList()
        fields.add(lang.pick("目录", "catalogue"), "\(location.folder.path)  (\(location.origin.label(lang)))")
        fields.add(lang.pick("名称", "name"), lang == .en ? "\(m.nameEnglish) (\(m.name))" : m.name)
        fields.add(lang.pick("版本日期", "version date"), m.version)
        fields.add(lang.pick("记录", "records"), lang.pick(
            "\(officialText)参考 \(provenances.count - sample - official) 条，样例 \(sample) 条（\(catalogue.domains.count) 个领域、\(catalogue.items.count) 项事项、\(catalogue.points.count) 个服务点、\(catalogue.standards.count) 份标准文本）",
            "\(officialText)\(provenances.count - sample - official) reference, \(sample) sample (\(catalogue.domains.count) domains, \(catalogue.items.count) items, \(catalogue.points.count) points, \(catalogue.standards.count) texts)"))
        print(fields.rendered())
    }
}
