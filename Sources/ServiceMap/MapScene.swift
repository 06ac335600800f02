import Geodesy

/// Everything a map shows, projected onto the plane at the origin: boundaries, circles, points
/// and overlays. The terminal canvas and the SVG document are both drawn from it, so every
/// coordinate goes through the same projection.
public struct MapScene: Sendable {
    public let projection: MapProjection
    /// The district boundary rings.
    public var districtRings: [[MapPoint]]
    /// Subdistrict boundary rings with their names.
    public var subdistricts: [(name: String, rings: [[MapPoint]])]
    public var circles: [MapCircle]
    /// Points nearest first (ties by id), as the nearby answer orders them.
    public var markers: [MapMarker]
    /// Extra outlines another page asks to show (e.g. uncovered patches).
    public var overlays: [[MapPoint]]

    /// Builds a scene around `origin`: the circles of `radiiMetres` (the `currentRadiusMetres`
    /// one emphasised), the outlines and the markers, which must already be projected with
    /// `MapProjection(origin:)`.
    public init(origin: GeoCoordinate, radiiMetres: [Double], currentRadiusMetres: Double,
                district: [MapOutline], subdistricts: [MapOutline], markers: [MapMarker], overlays: [MapOutline] = []) {
        let projection = MapProjection(origin: origin)
        self.projection = projection
        var radii = radiiMetres
        if !radii.contains(currentRadiusMetres) { radii.append(currentRadiusMetres) }
        circles = radii.sorted().map { radius in
            MapCircle(radiusMetres: radius, isCurrent: radius == currentRadiusMetres,
                      ring: GeodesicCircle(centre: origin, radiusMetres: radius).vertices.map(projection.project))
        }
        districtRings = district.flatMap { $0.rings.map { $0.map(projection.project) } }
        self.subdistricts = subdistricts.map { outline in (outline.name, outline.rings.map { $0.map(projection.project) }) }
        self.markers = markers
        self.overlays = overlays.flatMap { $0.rings.map { $0.map(projection.project) } }
    }

    /// The largest circle radius, which the default view fits.
    public var outerRadiusMetres: Double { circles.map(\.radiusMetres).max() ?? 1000 }

    /// Draws the scene onto a canvas for a view; `selectedPointID` is highlighted above all.
    public func raster(_ viewport: MapViewport, selectedPointID: String? = nil) -> BrailleRaster {
        var raster = BrailleRaster(columns: viewport.columns, rows: viewport.rows)
        func ring(_ points: [MapPoint], layer: MapLayer, tag: Int32 = -1) {
            guard points.count > 1 else { return }
            var previous = viewport.dotPosition(points[points.count - 1])
            for point in points {
                let next = viewport.dotPosition(point)
                raster.line(from: previous, to: next, layer: layer, tag: tag)
                previous = next
            }
        }
        for rings in districtRings { ring(rings, layer: .boundary, tag: 0) }
        for subdistrict in subdistricts { for rings in subdistrict.rings { ring(rings, layer: .boundary, tag: 1) } }
        for overlay in overlays { ring(overlay, layer: .overlay) }
        for circle in circles { ring(circle.ring, layer: circle.isCurrent ? .currentCircle : .circle) }
        for (index, marker) in markers.enumerated() {
            let layer: MapLayer = marker.pointID == selectedPointID ? .selectedPoint : index == 0 ? .nearestPoint : .point
            if let dot = viewport.dot(marker.position) { raster.plot(x: dot.x, y: dot.y, layer: layer, tag: marker.tag) }
        }
        // The origin, above every point but the selected one.
        if let dot = viewport.dot(MapPoint(eastMetres: 0, northMetres: 0)) {
            raster.plot(x: dot.x, y: dot.y, layer: .origin)
        }
        return raster
    }
}
