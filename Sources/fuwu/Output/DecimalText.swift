import Foundation

/// Numbers in fixed-point text, as `String(format: "%.6f")` writes them but through the C
/// library's `vsnprintf` directly: Foundation's formatter costs some 18 000 instructions a call,
/// which a listing of every point's coordinates pays 4000 times.
enum DecimalText {
    /// `value` with six decimals (`22.540123`), as `String(format: "%.6f", value)`.
    static func fixed6(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer -> String in
            guard let base = buffer.baseAddress else { return String(format: "%.6f", value) }
            let written = withVaList([value]) { vsnprintf(base, buffer.count, "%.6f", $0) }
            // Too large a number for the buffer (never a coordinate), or a process locale that
            // writes a decimal comma (the browser sets the user's): the general formatter.
            guard written > 0, Int(written) < buffer.count else { return String(format: "%.6f", value) }
            let bytes = UnsafeRawBufferPointer(start: base, count: Int(written))
            guard bytes.allSatisfy({ $0 == 0x2D || $0 == 0x2E || (0x30...0x39).contains($0) }) else {
                return String(format: "%.6f", value)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
