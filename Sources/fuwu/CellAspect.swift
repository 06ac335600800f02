import ArgumentParser

/// A terminal cell's width-to-height ratio, written `1:2` or `0.5`.
struct CellAspect: ExpressibleByArgument, Sendable {
    /// Width divided by height.
    var ratio: Double

    static let allowed: ClosedRange<Double> = 0.2...2

    init(ratio: Double) { self.ratio = ratio }

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        let value: Double?
        if parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]), h > 0 {
            value = w / h
        } else if parts.count == 1 {
            value = Double(argument)
        } else {
            value = nil
        }
        guard let value, value.isFinite, Self.allowed.contains(value) else { return nil }
        ratio = value
    }

    static var defaultValueDescription: String { "1:2" }
}
