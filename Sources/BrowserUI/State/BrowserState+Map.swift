import Catalogue
import Geodesy
import ServiceMap

extension BrowserState {
    /// Points beyond this distance are not placed on the map (nearby's largest radius).
    static let mapReachMetres = 50_000.0

    /// `m`: from the list to the map, from the map back to the list; from a coverage gaps page
    /// to the map of its uncovered patches.
    mutating func toggleMap() {
        switch page {
        case .nearby:
            push(.map)
        case .map:
            back()
        case .coverageGaps(let row, let column):
            showCoverageGapsOnMap(row: row, column: column)
        default:
            break
        }
    }

    /// Opens the map with extra outlines drawn on it (another page's uncovered patches, say).
    public mutating func showMap(overlays: [MapOutline]) {
        map.overlays = overlays
        if stack.contains(.nearby) {
            if let index = stack.lastIndex(of: .nearby) { stack.removeSubrange((index + 1)...) }
            push(.map)
        } else {
            showNearby()
            if page == .nearby { push(.map) }
        }
    }

    /// Rebuilds the map's scene from the nearby answer: every located point that passes the
    /// filter, nearest first, projected at the origin.
    mutating func refreshMap() {
        guard let location = nearby.location else {
            map.scene = nil
            return
        }
        let ids = filterIDs
        map.scene = NearbyMapScene.scene(catalogue: catalogue, index: context.nearbyIndex.value, origin: location.origin,
                                         radiusMetres: Double(nearby.radiusMetres),
                                         domainID: ids.domain, itemID: ids.item, pointTypeID: ids.type,
                                         reachMetres: Self.mapReachMetres, language: language, overlays: map.overlays)
    }

    /// The nearby filter as the ids a query takes.
    var filterIDs: (domain: String?, item: String?, type: String?) {
        switch nearby.filter {
        case .none: (nil, nil, nil)
        case .domain(let id): (id, nil, nil)
        case .item(let id): (nil, id, nil)
        case .pointType(let id): (nil, nil, id)
        }
    }

    /// The canvas the map page draws on at the current size.
    var mapViewport: MapViewport {
        let canvas = layout.mapCanvas
        let radius = Double(nearby.radiusMetres)
        return MapViewport.fitting(radiusMetres: radius, columns: canvas.columns, rows: canvas.rows,
                                   cellAspect: options.cellAspect, centre: map.centre, zoomSteps: map.zoomSteps)
    }

    mutating func zoomMap(by steps: Int) {
        let zoom = map.zoomSteps + steps
        guard MapState.zoomRange.contains(zoom) else {
            message = language.pick(steps > 0 ? "已经放到最大" : "已经缩到最小", steps > 0 ? "Zoomed in all the way" : "Zoomed out all the way")
            return
        }
        map.zoomSteps = zoom
    }

    /// Moves the view by a quarter of the canvas.
    mutating func panMap(columns: Int, rows: Int) {
        let view = mapViewport
        map.centre = view.panned(columns: columns * max(1, view.columns / 4), rows: rows * max(1, view.rows / 4)).centre
    }

    mutating func recentreMap() {
        map.centre = MapPoint(eastMetres: 0, northMetres: 0)
    }

    /// Whether the legend is on: the user's choice, else on from 80×24 up.
    var mapLegendShown: Bool { map.legendShown ?? (width >= 80 && height >= 24) }

    mutating func toggleLegend() {
        map.legendShown = !mapLegendShown
    }

    /// The list rows that are points in reach (the ones Tab walks), in distance order.
    var hitLineIndices: [Int] {
        nearby.lines.indices.filter { if case .hit = nearby.lines[$0] { return true } else { return false } }
    }

    /// The point selected on the map: the nearby list's row under the cursor, when it is a point in reach.
    var selectedMapHit: NearbyHit? {
        let cursor = positions[Page.nearby.positionKey]?.cursor ?? 0
        guard nearby.lines.indices.contains(cursor), case .hit(let hit) = nearby.lines[cursor] else { return nil }
        return hit
    }

    /// Tab / Shift-Tab: the next or previous point by distance, wrapping around.
    mutating func selectMapPoint(forward: Bool) {
        let hits = hitLineIndices
        guard !hits.isEmpty else {
            message = language.pick("\(nearby.radiusMetres) 米内没有服务点可选；按 3 扩大范围", "No point within \(nearby.radiusMetres) m to select; 3 widens the circle")
            return
        }
        let cursor = positions[Page.nearby.positionKey]?.cursor ?? 0
        let isHit = hits.contains(cursor)
        let target: Int
        if forward {
            target = isHit ? (hits.first { $0 > cursor } ?? hits[0]) : hits[0]
        } else {
            target = isHit ? (hits.last { $0 < cursor } ?? hits[hits.count - 1]) : hits[hits.count - 1]
        }
        let shape = shape(of: .nearby)
        positions[Page.nearby.positionKey, default: ListPosition()].select(target, count: shape.count, visible: shape.visible)
    }

    /// Enter on the map opens the selected point.
    mutating func openMapSelection() {
        guard let hit = selectedMapHit else {
            message = language.pick("先按 Tab 选一个服务点", "Press Tab to select a point first")
            return
        }
        push(.point(hit.point.id))
    }
}
