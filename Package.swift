// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see docs/ARCHITECTURE.md):
//   fuwu → CatalogueStore → Catalogue → {Geodesy, ChineseText}
//   fuwu → CursesTerminal → BrowserUI → Catalogue;  CursesTerminal → CNcursesw
let package = Package(
    name: "fuwu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fuwu", targets: ["fuwu"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Pure text: display width, sanitising, line breaking, pinyin, matching.
        .target(name: "ChineseText"),
        // Pure geodesy: datums, distances, spatial index.
        .target(name: "Geodesy"),
        // The model, its source format, validation, nearby and search over catalogue values.
        .target(name: "Catalogue", dependencies: ["ChineseText", "Geodesy"]),
        // Page checksums for the compiled catalogue: a pass-through SQLite VFS in C.
        .target(name: "CPageChecksum", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The compiled catalogue: the only module that imports GRDB.
        .target(name: "CatalogueStore", dependencies: [
            "Catalogue", "ChineseText", "CPageChecksum", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The terminal UI without a terminal: screens, keys, state, views.
        .target(name: "BrowserUI", dependencies: ["Catalogue", "ChineseText", "Geodesy"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // The only importer of ncurses.
        .target(name: "CursesTerminal", dependencies: ["BrowserUI", "CNcursesw"]),
        .executableTarget(name: "fuwu", dependencies: [
            "Catalogue", "CatalogueStore", "BrowserUI", "CursesTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "fuwu-bench", dependencies: ["Catalogue", "CatalogueStore", "Geodesy", "ChineseText", "BrowserUI"]),

        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"]),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"]),
        .testTarget(name: "CatalogueStoreTests", dependencies: ["CatalogueStore", "Catalogue"]),
        .testTarget(name: "BrowserUITests", dependencies: ["BrowserUI", "Catalogue"], exclude: ["Snapshots"]),
        .testTarget(name: "CLITests", dependencies: ["fuwu"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "BrowserUI", "CNcursesw"]),
        // Real-terminal tests: drive the built fuwu binary inside tmux.
        .testTarget(name: "SmokeTests", dependencies: ["fuwu"], path: "Tests/Smoke"),
    ]
)
