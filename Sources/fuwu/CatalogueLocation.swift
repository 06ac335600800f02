import Foundation

/// A catalogue folder and how it was found.
struct CatalogueLocation: Equatable {
    /// How a catalogue folder was found.
    enum Origin: String, Equatable {
        case option, environment, sourceTree, besideBinary, dataDirs

        /// How it was found, for `--version`.
        func label(_ lang: Language) -> String {
            switch self {
            case .option: lang.pick("--catalogue 指定", "given by --catalogue")
            case .environment: lang.pick("FUWU_CATALOGUE 指定", "given by FUWU_CATALOGUE")
            case .sourceTree: lang.pick("源代码目录", "the source tree")
            case .besideBinary: lang.pick("安装目录（程序旁的 share/fuwu）", "installed (share/fuwu beside the binary)")
            case .dataDirs: lang.pick("XDG_DATA_DIRS", "XDG_DATA_DIRS")
            }
        }
    }

    var folder: URL
    var origin: Origin
}
