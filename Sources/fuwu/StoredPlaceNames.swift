import Catalogue
import CatalogueStore

/// The place-name keys of an opened catalogue, read from its start-up file on first use. Damage
/// found there is kept, not thrown at once, because the resolver's errors are typed: the command
/// calls `throwDamage()` after resolving, and the CLI rebuilds the catalogue and runs it again.
final class StoredPlaceNames {
    private let opened: OpenedCatalogue
    private(set) var damage: StoreError?

    init(_ opened: OpenedCatalogue) { self.opened = opened }

    /// The keys; an empty table when their section is damaged (and `damage` says why).
    func table() -> PlaceNameTable {
        do {
            return try opened.placeNames()
        } catch {
            damage = error
            return .empty
        }
    }

    /// Throws the damage found while reading the keys, if any.
    func throwDamage() throws(StoreError) {
        if let damage { throw damage }
    }
}
