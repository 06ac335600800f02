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
}
