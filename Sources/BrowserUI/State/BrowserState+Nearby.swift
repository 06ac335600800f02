import Catalogue
import Geodesy

extension BrowserState {
    mutating func showNearby() {
        if let index = stack.lastIndex(of: .nearby) {
            stack.removeSubrange((index + 1)...)
            prepare(page)
        } else {
            push(.nearby)
        }
    }

    mutating func setRadius(_ metres: Int) {
        nearby.radiusMetres = metres
        refreshNearby()
        reveal(.nearby)
    }

    mutating func setFilter(_ filter: NearbyFilter) {
        nearby.filter = filter
        refreshNearby()
        reveal(.nearby)
    }

    mutating func setOrigin(_ origin: NearbyOrigin) {
        nearby.origin = origin
        refreshNearby()
        positions[Page.nearby.positionKey] = ListPosition()
    }

    /// Recomputes the nearby answer for the current origin, radius and filter.
    mutating func refreshNearby() {
        nearby.results = []
        nearby.emptyDomainIDs = []
        guard nearby.origin != nil else {
            nearby.problem = language.pick("还没有设置位置：按 o 选择“我在哪里”", "No location yet: press o to set where you are")
            return
        }
        nearby.problem = language.pick("附近查询尚未接入", "Nearby search is not wired yet")
    }

    mutating func openNearbyResult(_ index: Int) {
        guard nearby.results.indices.contains(index) else { return }
        push(.point(nearby.results[index].pointID))
    }
}
