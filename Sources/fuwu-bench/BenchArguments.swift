import Foundation

/// A benchmark's `--name value` options and `--flag` switches. An unknown or incomplete option
/// stops the run with exit status 64, so a mistyped option never measures the wrong thing.
struct BenchArguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], values valueNames: Set<String>, flags flagNames: Set<String> = []) {
        var i = 0
        while i < arguments.count {
            let name = arguments[i]
            if flagNames.contains(name) {
                flags.insert(name)
            } else if valueNames.contains(name), i + 1 < arguments.count {
                values[name] = arguments[i + 1]
                i += 1
            } else {
                let known = (valueNames.map { "\($0) VALUE" } + flagNames).sorted().joined(separator: " ")
                FileHandle.standardError.write(Data("fuwu-bench: unknown or incomplete option \(name); known: \(known)\n".utf8))
                exit(64)
            }
            i += 1
        }
    }

    func string(_ name: String) -> String? { values[name] }
    func string(_ name: String, default fallback: String) -> String { values[name] ?? fallback }
    func int(_ name: String, default fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
