import Foundation

/// Finds the Futian catalogue that ships with fuwu, in this order: `FUWU_CATALOGUE`; the source
/// tree, when the running binary was built inside it; `share/fuwu` beside the running binary
/// (found through `/proc/self/exe`, not `argv[0]`); each folder of `XDG_DATA_DIRS`; the source
/// tree this binary was built from. `--catalogue` comes before all of them (`CatalogueOptions`).
/// `FUWU_NO_SOURCE_TREE=1` leaves the source tree out, to try an installed copy from inside it.
struct CatalogueLocator {
    /// The catalogue's folder name under a data folder: `share/fuwu/futian`.
    static let catalogueName = "futian"
    /// The catalogue's folder in the source tree.
    static let sourceTreePath = "data/futian"
    /// `XDG_DATA_DIRS` when it is unset or empty, as the XDG base directory specification says.
    static let defaultDataDirs = "/usr/local/share:/usr/share"

    var environment: [String: String]
    /// The running binary, symbolic links resolved; nil when it cannot be told.
    var executable: URL?
    /// The package root the binary was compiled from.
    var sourceRoot: URL
    /// Whether a folder holds a catalogue.
    var holdsCatalogue: (URL) -> Bool = { folder in
        // `stat` as FileManager's `fileExists` does, without paging in its code (issue #10).
        var info = stat()
        return stat(folder.appendingPathComponent("catalogue.json").path, &info) == 0
    }

    /// The locator of this process.
    static func current(environment: [String: String] = ProcessEnvironment.values) -> CatalogueLocator {
        // Sources/fuwu/CatalogueLocator.swift → the package root.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return CatalogueLocator(environment: environment, executable: runningExecutable(), sourceRoot: sourceRoot)
    }

    /// `/proc/self/exe` where there is one (Linux), else the main bundle's executable.
    static func runningExecutable() -> URL? {
        // `readlink` as FileManager's `destinationOfSymbolicLink` does, without its code (issue #10).
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { readlink("/proc/self/exe", $0.baseAddress!, Int(PATH_MAX)) }
        if count > 0 {
            return URL(fileURLWithPath: String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// Whether the source tree is left out (`FUWU_NO_SOURCE_TREE` set to anything but empty or 0).
    var ignoresSourceTree: Bool {
        guard let value = environment["FUWU_NO_SOURCE_TREE"] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// Whether the running binary was built inside the source tree (it lives under the package's
    /// `.build` folder, as `swift build` and `swift run` put it).
    var isInTreeBuild: Bool {
        guard let executable else { return false }
        let build = sourceRoot.standardizedFileURL.path + "/.build"
        let path = executable.standardizedFileURL.path
        return path.hasPrefix(build + "/") || path.hasPrefix(build + "-") || path.hasPrefix(build + "_")
    }

    /// The folders tried, in order, with how each was found.
    func candidates() -> [CatalogueLocation] {
        var list: [CatalogueLocation] = []
        if let path = environment["FUWU_CATALOGUE"], !path.isEmpty {
            return [CatalogueLocation(folder: URL(fileURLWithPath: path, isDirectory: true), origin: .environment)]
        }
        let tree = CatalogueLocation(folder: sourceRoot.appendingPathComponent(Self.sourceTreePath, isDirectory: true), origin: .sourceTree)
        if isInTreeBuild && !ignoresSourceTree { list.append(tree) }
        if let executable {
            let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
            list.append(CatalogueLocation(folder: prefix.appendingPathComponent("share/fuwu/\(Self.catalogueName)", isDirectory: true),
                                          origin: .besideBinary))
        }
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultDataDirs
        for dir in dataDirs.split(separator: ":") where dir.hasPrefix("/") {
            list.append(CatalogueLocation(folder: URL(fileURLWithPath: String(dir), isDirectory: true)
                                            .appendingPathComponent("fuwu/\(Self.catalogueName)", isDirectory: true),
                                          origin: .dataDirs))
        }
        if !isInTreeBuild && !ignoresSourceTree { list.append(tree) }
        return list
    }

    /// The catalogue to use: `FUWU_CATALOGUE` as given, else the first candidate that holds one.
    func locate() -> CatalogueLocation? {
        let candidates = candidates()
        if let first = candidates.first, first.origin == .environment { return first }
        return candidates.first { holdsCatalogue($0.folder) }
    }
}
