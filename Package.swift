// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see docs/ARCHITECTURE.md):
//   fuwu → CatalogueStore → Catalogue → {Geodesy, ChineseText} → FlatStorage
//   fuwu → UserState → Catalogue
//   fuwu → CatalogueImport → Catalogue
//   fuwu → CursesTerminal → BrowserUI → Catalogue;  CursesTerminal → CNcursesw
//   BrowserUI, fuwu → ServiceMap → {Geodesy, ChineseText}
let package = Package(
    name: "fuwu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fuwu", targets: ["fuwu"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Read-only arrays of fixed-width values, owned or borrowed from mapped bytes (FlatArray).
        .target(name: "FlatStorage"),
        // Pure text: display width, sanitising, line breaking, pinyin, matching.
        .target(name: "ChineseText", dependencies: ["FlatStorage", "CWidthCache"]),
        // The display-width cache ChineseText fills as it measures (C for its relaxed atomics).
        .target(name: "CWidthCache"),
        // Pure geodesy: datums, distances, spatial index.
        .target(name: "Geodesy", dependencies: ["FlatStorage"]),
        // The model, its source format, validation, nearby and search over catalogue values.
        .target(name: "Catalogue", dependencies: ["ChineseText", "Geodesy", "FlatStorage"]),
        // Page checksums for the compiled catalogue: a pass-through SQLite VFS in C.
        .target(name: "CPageChecksum", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The compiled catalogue: the only module that imports GRDB.
        .target(name: "CatalogueStore", dependencies: [
            "Catalogue", "ChineseText", "CPageChecksum", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The map: projection, geodesic circles, the Braille raster and the SVG document.
        .target(name: "ServiceMap", dependencies: ["Geodesy", "ChineseText"]),
        // What fuwu remembers for its user (saved places, favourites, history, reading positions),
        // in its own SQLite file: the only GRDB importer besides CatalogueStore.
        .target(name: "UserState", dependencies: [
            "Catalogue", "Geodesy", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Reading the district's own files (workbooks, CSV, GeoJSON, Word) into a catalogue folder.
        .target(name: "CatalogueImport", dependencies: [
            "Catalogue", "Geodesy", "ChineseText",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The terminal UI without a terminal: screens, keys, state, views.
        .target(name: "BrowserUI", dependencies: ["Catalogue", "ChineseText", "Geodesy", "ServiceMap"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // The only importer of ncurses.
        .target(name: "CursesTerminal", dependencies: ["BrowserUI", "ServiceMap", "CNcursesw"]),
        .executableTarget(name: "fuwu", dependencies: [
            "Catalogue", "CatalogueStore", "CatalogueImport", "UserState", "BrowserUI", "CursesTerminal", "ServiceMap",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "fuwu-bench", dependencies: ["Catalogue", "CatalogueStore", "CatalogueImport", "Geodesy", "ChineseText",
                                                           "BrowserUI", "ServiceMap", "UserState"]),

        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText", "FlatStorage"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "FixtureDamage"]),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "FlatStorage", "FixtureDamage"], exclude: ["Fixtures"]),
        .testTarget(name: "ServiceMapTests", dependencies: ["ServiceMap", "Geodesy", "Catalogue"]),
        // Damage for the import fuzzers (a library under Tests/, shared by two test targets).
        .target(name: "FixtureDamage", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/FixtureDamage"),
        .testTarget(name: "CatalogueImportTests", dependencies: [
            "CatalogueImport", "Catalogue", "FixtureDamage", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures", "make-fixtures.py", "make-large-workbook.py"]),
        .testTarget(name: "CatalogueStoreTests", dependencies: ["CatalogueStore", "Catalogue", "FixtureDamage"]),
        .testTarget(name: "UserStateTests", dependencies: ["UserState", "Catalogue", "Geodesy"]),
        .testTarget(name: "BrowserUITests", dependencies: ["BrowserUI", "Catalogue"], exclude: ["Snapshots"]),
        .testTarget(name: "CLITests", dependencies: ["fuwu", "BrowserUI", "UserState", "Catalogue", "Geodesy", "FixtureDamage"], exclude: ["Snapshots"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "BrowserUI", "CNcursesw"]),
        // Real-terminal tests: drive the built fuwu binary inside tmux.
        .testTarget(name: "SmokeTests", dependencies: ["fuwu"], path: "Tests/Smoke"),
    ]
)
