import Foundation

#if canImport(Glibc)
/// glibc's strfromd(3): one double in a printf conversion, without a variadic call (Swift
/// imports no variadic C function, and building a `va_list` costs more than the conversion).
@_silgen_name("strfromd")
private func systemStrfromd(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ format: UnsafePointer<CChar>,
                            _ value: Double) -> Int32
#endif

/// Numbers in fixed-point text, as `String(format: "%.6f")` writes them but through the C
/// library directly: Foundation's formatter costs some 18 000 instructions a call, which a
/// listing of every point's coordinates pays 4000 times.
enum DecimalText {
    /// `value` with six decimals (`22.540123`), as `String(format: "%.6f", value)`.
    static func fixed6(_ value: Double) -> String {
        if let text = roundedFixed6(value) { return text }
        #if canImport(Glibc)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer -> String in
            guard let base = buffer.baseAddress else { return String(format: "%.6f", value) }
            let written = systemStrfromd(base, buffer.count, "%.6f", value)
            // Too large a number for the buffer (never a coordinate), or a process locale that
            // writes a decimal comma (the browser sets the user's): the general formatter.
            guard written > 0, Int(written) < buffer.count else { return String(format: "%.6f", value) }
            let bytes = UnsafeRawBufferPointer(start: base, count: Int(written))
            guard bytes.allSatisfy({ $0 == 0x2D || $0 == 0x2E || (0x30...0x39).contains($0) }) else {
                return String(format: "%.6f", value)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        #else
        return String(format: "%.6f", value)
        #endif
    }

    /// `fixed6` by integer arithmetic, for values below a million in size whose millionths are
    /// not within a thousandth of a tie; nil for any other value (the C library then rounds).
    /// Below a million, `value × 10⁶` in double precision is within 2⁻⁵³ × 10¹² ≈ 1.1 × 10⁻⁴ of
    /// the exact product, so away from a tie it rounds to the integer the exact decimal
    /// expansion of `value` rounds to, which is what printf writes.
    static func roundedFixed6(_ value: Double) -> String? {
        guard value.isFinite, value.magnitude < 1_000_000 else { return nil }
        let scaled = value.magnitude * 1_000_000
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard (fraction - 0.5).magnitude > 0.001 else { return nil }
        var rest = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
        // Written backwards from the end: six decimals, the point, the whole part, the sign.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer -> String in
            var start = buffer.count
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            for _ in 0..<6 {
                put(0x30 + UInt8(rest % 10))
                rest /= 10
            }
            put(0x2E)
            repeat {
                put(0x30 + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            // printf keeps the sign of a negative value (and of −0) that rounds to zero: "-0.000000".
            if value.sign == .minus { put(0x2D) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
