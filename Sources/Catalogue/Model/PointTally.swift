/// Points that agree in everything `fuwu stats` counts them by — type, subdistrict, whether they
/// are located, opening hours and provenance — and how many there are: a catalogue's counts in a
/// few hundred values rather than one per point.
public struct PointTally: Hashable, Sendable {
    public var typeID: String
    public var subdistrictCode: String?
    public var isLocated: Bool
    public var hours: String?
    public var provenance: Provenance
    public var count: Int

    public init(typeID: String, subdistrictCode: String?, isLocated: Bool, hours: String?, provenance: Provenance, count: Int) {
        self.typeID = typeID
        self.subdistrictCode = subdistrictCode
        self.isLocated = isLocated
        self.hours = hours
        self.provenance = provenance
        self.count = count
    }

    /// The tallies of `points`, in order of each group's first point.
    public static func of(_ points: [ServicePoint]) -> [PointTally] {
        var position: [PointTally: Int] = [:]
        var tallies: [PointTally] = []
        for p in points {
            let key = PointTally(typeID: p.typeID, subdistrictCode: p.subdistrictCode, isLocated: p.location != nil,
                                 hours: p.hours, provenance: p.provenance, count: 0)
            if let at = position[key] {
                tallies[at].count += 1
            } else {
                position[key] = tallies.count
                tallies.append(PointTally(typeID: key.typeID, subdistrictCode: key.subdistrictCode, isLocated: key.isLocated,
                                          hours: key.hours, provenance: key.provenance, count: 1))
            }
        }
        return tallies
    }
}
