import Catalogue
import Geodesy
import ServiceMap

extension BrowserState {
    /// Unlocated points are listed one by one up to this many.
    static let unlocatedListLimit = 20

    /// Opens the nearby screen: from a located point's page the point becomes "where I am"; with
    /// no origin yet, the place picker opens straight away.
    mutating func showNearby() {
        if case .point(let id) = page, catalogue.point(id)?.location != nil {
            nearby.origin = .point(id: id)
        }
        if let index = stack.lastIndex(of: .nearby) {
            stack.removeSubrange((index + 1)...)
            prepare(page)
        } else {
            push(.nearby)
        }
        if nearby.origin == nil { push(.picker(.origin)) }
    }

    mutating func setRadius(_ metres: Int) {
        nearby.radiusMetres = metres
        refreshNearby()
        reveal(.nearby)
        if page == .map { map.zoomSteps = 0 }
    }

    mutating func setFilter(_ filter: NearbyFilter) {
        nearby.filter = filter
        map.overlays = []
        refreshNearby()
        positions[Page.nearby.positionKey] = ListPosition()
    }

    mutating func setOrigin(_ origin: NearbyOrigin) {
        nearby.origin = origin
        map.centre = MapPoint(eastMetres: 0, northMetres: 0)
        map.overlays = []
        refreshNearby()
        positions[Page.nearby.positionKey] = ListPosition()
    }

    /// Where an origin stands on WGS-84; coordinates are converted from the datum they were given in.
    func resolve(_ origin: NearbyOrigin) -> ResolvedLocation? {
        switch origin {
        case .coordinate(let read, let datum):
            let wgs84 = DatumTransform.convert(read, from: datum, to: .wgs84)
            return ResolvedLocation(source: .coordinates, origin: wgs84, datumRead: datum, coordinateRead: read)
        case .landmark(let id):
            guard let landmark = catalogue.landmarks.first(where: { $0.id == id }) else { return nil }
            let place = LocationCandidate(kind: .landmark, id: id, name: landmark.name, location: landmark.location)
            return ResolvedLocation(source: .place(place), origin: landmark.location, datumRead: .wgs84,
                                    coordinateRead: landmark.location)
        case .subdistrict(let code):
            guard let subdistrict = catalogue.subdistrict(code), let centre = subdistrict.centre else { return nil }
            let place = LocationCandidate(kind: .subdistrict, id: code, name: subdistrict.name, location: centre)
            return ResolvedLocation(source: .place(place), origin: centre, datumRead: .wgs84, coordinateRead: centre,
                                    note: subdistrict.centreNote)
        case .point(let id):
            guard let point = catalogue.point(id), let location = point.location else { return nil }
            let place = LocationCandidate(kind: .servicePoint, id: id, name: point.name, location: location)
            return ResolvedLocation(source: .place(place), origin: location, datumRead: .wgs84, coordinateRead: location)
        case .saved(let saved):
            let place = LocationCandidate(kind: .savedPlace, id: saved.name, name: saved.name, location: saved.location)
            return ResolvedLocation(source: .place(place), origin: saved.location, datumRead: saved.datumRead,
                                    coordinateRead: saved.coordinateRead)
        }
    }

    /// Recomputes the nearby answer for the current origin, radius and filter.
    mutating func refreshNearby() {
        nearby.result = nil
        nearby.lines = []
        nearby.problem = nil
        guard let origin = nearby.origin else {
            nearby.location = nil
            nearby.problem = language.pick("还没有设置位置：按 o 选择“我在哪里”", "No location yet: press o to say where you are")
            return
        }
        guard let location = resolve(origin) else {
            nearby.location = nil
            nearby.problem = language.pick("这个地点没有坐标，请另选位置（o）", "This place has no coordinates; choose another (o)")
            return
        }
        nearby.location = location
        if !GeoRegion.shenzhen.contains(location.origin) {
            nearby.problem = language.pick("这个位置不在深圳：请检查纬度/经度顺序和坐标系",
                                           "This location is outside Shenzhen: check the latitude/longitude order and the datum")
        }
        var domainID: String?, itemID: String?, typeID: String?
        switch nearby.filter {
        case .none: break
        case .domain(let id): domainID = id
        case .item(let id): itemID = id
        case .pointType(let id): typeID = id
        }
        guard let query = try? NearbyQuery(origin: location.origin, radiusMetres: Double(nearby.radiusMetres),
                                           domainID: domainID, itemID: itemID, pointTypeID: typeID) else {
            nearby.problem = language.pick("范围须在 1–50000 米之间", "The radius must be 1–50000 m")
            return
        }
        let result = context.nearbyIndex.value.query(query)
        nearby.result = result
        nearby.lines = lines(for: result)
        if stack.contains(.map) { refreshMap() } else { map.scene = nil }
    }

    /// The list rows of an answer: hits, then unlocated points that may be near, then the
    /// per-domain counts for the published circles.
    func lines(for result: NearbyResult) -> [NearbyLine] {
        var lines = result.hits.map(NearbyLine.hit)
        if result.hits.isEmpty {
            lines.append(.notice(language.pick("\(nearby.radiusMetres) 米内没有符合条件的服务点，试试按 3 或 r 扩大范围",
                                               "Nothing within \(nearby.radiusMetres) m; try 3 or r for a wider circle")))
        }
        lines.append(.blank)
        lines.append(.summaryHeading(language.pick("各领域服务点数（米内）", "Points per domain (within m)")))
        lines += result.domainCounts.map(NearbyLine.domainCount)
        let unlocated = result.unlocatedPoints
        if !unlocated.isEmpty {
            lines.append(.blank)
            lines.append(.heading(language.pick("另有 \(unlocated.count) 个符合条件的服务点位置未知，可能就在附近",
                                                "\(unlocated.count) matching points have no location and may be near")))
            // A short list helps; hundreds of points from all over the district do not.
            if unlocated.count <= Self.unlocatedListLimit {
                lines += unlocated.map(NearbyLine.unlocated)
            } else {
                lines.append(.notice(language.pick("按 f 筛选到某个事项或类型即可列出它们",
                                                   "Filter by an item or type (f) to list them")))
            }
        }
        return lines
    }

    mutating func openNearbyResult(_ index: Int) {
        guard nearby.lines.indices.contains(index), let id = nearby.lines[index].pointID else { return }
        push(.point(id))
    }
}
