/// The mouse buttons a report mentions; the bits match the shim's FUWU_MOUSE_* values.
public struct MouseButtons: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Button 1 pressed or clicked.
    public static let primary = MouseButtons(rawValue: 1)
    /// The wheel turned up (button 4).
    public static let wheelUp = MouseButtons(rawValue: 2)
    /// The wheel turned down (button 5).
    public static let wheelDown = MouseButtons(rawValue: 4)
}
