import Foundation

/// The process's environment, read once: Foundation builds a new dictionary from `environ` on
/// every `ProcessInfo.processInfo.environment`, and one start of the browser asked for it five
/// times (catalogue and cache folders, state folder, terminal options, hyperlinks, timings).
/// Read from `environ` as Foundation reads it (entries without "=" or with an empty name left out,
/// a repeated name's last value kept, text repaired as UTF-8), but without `ProcessInfo`, whose
/// code the browser's first frame would otherwise page in (issue #10).
enum ProcessEnvironment {
    static let values: [String: String] = {
        var values: [String: String] = [:]
        var entry = environ
        while let text = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals > 0 {
                values[String(decoding: bytes[..<equals], as: UTF8.self)] =
                    String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            entry += 1
        }
        return values
    }()
}
