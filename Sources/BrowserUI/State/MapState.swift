import ServiceMap

/// The map page's view and what it draws: zoom, pan, legend, and the scene built for the
/// current origin, radius and filter.
struct MapState: Sendable {
    /// Zoom steps from the view that fits the radius (each step is √2).
    var zoomSteps = 0
    /// The plane point at the centre of the view (metres from the origin).
    var centre = MapPoint(eastMetres: 0, northMetres: 0)
    /// Shown or hidden with `i`; nil until the user says, then the default follows the size.
    var legendShown: Bool?
    /// Everything drawn, rebuilt when the answer changes.
    var scene: MapScene?
    /// Extra outlines another page asked the map to show.
    var overlays: [MapOutline] = []

    /// Zoom limits: from a view of the whole district to a few metres per dot.
    static let zoomRange = -8...12
}
