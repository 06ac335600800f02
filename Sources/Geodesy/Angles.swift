#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Angle helpers shared inside the module; degrees are what every public API speaks.
let degreesToRadians = Double.pi / 180
let radiansToDegrees = 180 / Double.pi

func sinDegrees(_ degrees: Double) -> Double { sin(degrees * degreesToRadians) }
func cosDegrees(_ degrees: Double) -> Double { cos(degrees * degreesToRadians) }

/// Folds an angle in degrees into [0, 360).
func normalisedBearing(_ degrees: Double) -> Double {
    var value = degrees.truncatingRemainder(dividingBy: 360)
    if value < 0 { value += 360 }
    return value == 360 ? 0 : value
}

/// Folds a longitude difference in degrees into (−180, 180].
func wrappedLongitudeDifference(_ degrees: Double) -> Double {
    if degrees > -180 && degrees <= 180 { return degrees }
    var value = degrees.truncatingRemainder(dividingBy: 360)
    if value > 180 { value -= 360 } else if value <= -180 { value += 360 }
    return value
}
