import Catalogue

/// The tag a list row carries for its record's provenance: 样例 (sample) in the warning style that
/// never gives way, 官方 (official: the district's own files) in the title style; reference
/// records carry none.
enum ProvenanceBadge {
    static func piece(_ provenance: Provenance, _ language: InterfaceLanguage) -> SheetRow.Piece? {
        switch provenance {
        case .sample: return SheetRow.Piece(text: language.pick("样例", "sample"), style: .warning, priority: 9)
        case .official: return SheetRow.Piece(text: language.pick("官方", "official"), style: .title, priority: 8)
        case .reference: return nil
        }
    }
}
