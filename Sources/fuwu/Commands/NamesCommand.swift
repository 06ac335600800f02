import ArgumentParser
import Catalogue
import ChineseText

/// `fuwu names`: every record's kind, id and name, one a line, for shell completion and for
/// piping into other tools (`fuwu names | fzf`).
struct NamesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Print kind, id and name of every domain, item, point and standard text, tab-separated, one a line.",
        discussion: """
        Lines are `KIND<TAB>ID<TAB>NAME` in catalogue order (domains, items, points, standard texts), \
        with control and bidi characters shown as \\u{…} escapes so each record stays on one line. \
        For example: fuwu names --kind point | cut -f2,3 | fzf
        """)

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Only this kind of record: domain, item, point or standard.") var kind: SearchKind?

    func run() throws {
        let c = try options.open().catalogue
        var out = ""
        func add(_ kind: SearchKind, _ id: String, _ name: String) {
            guard self.kind == nil || self.kind == kind else { return }
            out += kind.rawValue + "\t" + Sanitiser.line(id) + "\t" + Sanitiser.line(name) + "\n"
        }
        for d in c.domains { add(.domain, d.id, d.name) }
        for i in c.items { add(.item, i.id, i.name) }
        for p in c.points { add(.point, p.id, p.name) }
        for s in c.standards { add(.standard, s.id, s.title) }
        print(out, terminator: "")
    }
}
