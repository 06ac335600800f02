import Foundation

/// The process's environment, read once: Foundation builds a new dictionary from `environ` on
/// every `ProcessInfo.processInfo.environment`, and one start of the browser asked for it five
/// times (catalogue and cache folders, state folder, terminal options, hyperlinks, timings).
enum ProcessEnvironment {
    static let values: [String: String] = ProcessInfo.processInfo.environment
}
