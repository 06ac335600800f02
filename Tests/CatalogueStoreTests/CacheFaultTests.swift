import Catalogue
import Foundation
import FixtureDamage
import Testing
@testable import CatalogueStore

/// Damage to the compiled catalogue, at every class of position in the file: each case ends with
/// exactly the catalogue the sources hold, read from the file or rebuilt — never with wrong values.
@Suite struct CacheFaultTests {
    /// Where a byte sits in an SQLite file, by what the page holding it is.
    enum PositionClass: String, CaseIterable {
        case header, schemaPage, tableInterior, tableLeaf, indexPage, otherPage, reservedTail, fileTail
    }

    /// The class of every page (1-based page number → class), from the b-tree page type byte.
    static func pageClasses(_ bytes: [UInt8], pageSize: Int) -> [Int: PositionClass] {
        var classes: [Int: PositionClass] = [:]
        for page in 1...(bytes.count / pageSize) {
            let start = (page - 1) * pageSize + (page == 1 ? 100 : 0)
            switch bytes[start] {
            case _ where page == 1: classes[page] = .schemaPage
            case 0x05: classes[page] = .tableInterior
            case 0x0D: classes[page] = .tableLeaf
            case 0x02, 0x0A: classes[page] = .indexPage
            default: classes[page] = .otherPage   // overflow, freelist, pointer-map pages
            }
        }
        return classes
    }

    /// Byte offsets to damage, a few per class, chosen by a fixed-seed generator.
    static func offsets(_ bytes: [UInt8], pageSize: Int) -> [(PositionClass, Int)] {
        var random = SplitMix64(seed: 14)
        let classes = pageClasses(bytes, pageSize: pageSize)
        var result: [(PositionClass, Int)] = [(.header, 0), (.header, 16), (.header, 20), (.header, 24), (.header, 28),
                                              (.header, 44), (.header, 56), (.header, 96)]
        for kind in [PositionClass.schemaPage, .tableInterior, .tableLeaf, .indexPage, .otherPage] {
            let pages = classes.filter { $0.value == kind }.map(\.key).sorted()
            for _ in 0..<(pages.isEmpty ? 0 : 6) {
                let page = pages[random.below(pages.count)]
                let low = page == 1 ? 100 : 0
                result.append((kind, (page - 1) * pageSize + low + random.below(pageSize - 8 - low)))
            }
        }
        for page in [1, bytes.count / pageSize] { result.append((.reservedTail, page * pageSize - 1 - random.below(8))) }
        result.append((.fileTail, bytes.count - 1))
        return result
    }

    /// Opens the damaged catalogue and reads everything a command can read: values, bodies and
    /// search keys. A damaged read rebuilds (as the CLI does) and reads again.
    static func readEverything(_ box: Sandbox) throws -> (catalogue: ServiceCatalogue, bodies: [String: String], keys: Int, repaired: Bool) {
        var repaired = false
        for _ in 0..<2 {
            let opened = try box.cache.open(folder: box.folder)
            repaired = repaired || opened.repairedDamage != nil
            do {
                var bodies: [String: String] = [:]
                for standard in opened.catalogue.standards { bodies[standard.id] = try opened.database.body(ofStandard: standard.id) }
                let keys = try opened.placeNames().keys.count
                return (opened.catalogue, bodies, keys, repaired)
            } catch StoreError.damaged(let path, _) {
                CatalogueCache.discard(databasePath: path)
                repaired = true
            }
        }
        throw StoreError.damaged(path: "", reason: "still damaged after a rebuild")
    }

    static func expectSameCatalogue(_ a: ServiceCatalogue, _ b: ServiceCatalogue, _ label: String) {
        #expect(a.metadata == b.metadata, "\(label)")
        #expect(a.sources == b.sources, "\(label)")
        #expect(a.pointTypes == b.pointTypes, "\(label)")
        #expect(a.domains == b.domains, "\(label)")
        #expect(a.items == b.items, "\(label)")
        #expect(a.points == b.points, "\(label)")
        #expect(a.standards == b.standards, "\(label)")
        #expect(a.subdistricts == b.subdistricts, "\(label)")
        #expect(a.landmarks == b.landmarks, "\(label)")
    }

    @Test func aFlippedBitAnywhereInTheFileNeverGivesWrongValues() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let loaded = try #require(CatalogueLoader.load(folder: box.folder).loaded)
        let first = try box.cache.open(folder: box.folder)
        let path = first.database.path
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let image = CatalogueCache.imagePath(for: URL(fileURLWithPath: path))
        let goodImage = try Data(contentsOf: URL(fileURLWithPath: image))
        let pageSize = Int(good[16]) << 8 | Int(good[17])
        let cases = Self.offsets(good, pageSize: pageSize)
        #expect(Set(cases.map(\.0)).isSuperset(of: [.header, .schemaPage, .tableLeaf, .indexPage, .reservedTail, .fileTail]))
        var random = SplitMix64(seed: 41)
        var detected = 0
        for (kind, offset) in cases {
            var bytes = good
            bytes[offset] ^= UInt8(1 << random.below(8))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let label = "\(kind.rawValue) byte \(offset)"
            let read = try Self.readEverything(box)
            Self.expectSameCatalogue(read.catalogue, loaded.catalogue, label)
            #expect(read.bodies == loaded.bodies, "\(label)")
            #expect(read.keys > 0, "\(label)")
            if read.repaired {
                detected += 1
            } else {
                // No command read the damaged page (an unused index, the last page's tail): reading
                // every page must still find it.
                #expect(throws: StoreError.self, "\(label)") { try CatalogueDatabase(path: path).checkEveryPage() }
            }
            // Restore the intact pair for the next case (a rebuild wrote an equal one; finding the
            // damage removed both files).
            try Data(good).write(to: URL(fileURLWithPath: path))
            try goodImage.write(to: URL(fileURLWithPath: image))
        }
        #expect(detected > cases.count / 2)
    }

    @Test(arguments: ["empty", "truncated", "zeros", "garbage", "appended", "text"])
    func garbageInPlaceOfTheFileIsRebuiltWithANote(kind: String) throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let loaded = try #require(CatalogueLoader.load(folder: box.folder).loaded)
        let path = try box.cache.open(folder: box.folder).database.path
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var random = SplitMix64(seed: 7)
        let damaged: Data
        switch kind {
        case "empty": damaged = Data()
        case "truncated": damaged = good.prefix(good.count / 2)
        case "zeros": damaged = Data(count: good.count)
        case "garbage": damaged = Data((0..<good.count).map { _ in UInt8(random.below(256)) })
        case "appended": damaged = good + Data(repeating: 0xAB, count: 4096)
        default: damaged = Data("not a database\n".utf8)
        }
        try damaged.write(to: URL(fileURLWithPath: path))
        let read = try Self.readEverything(box)
        Self.expectSameCatalogue(read.catalogue, loaded.catalogue, kind)
        #expect(read.bodies == loaded.bodies)
        // Bytes appended after the last page are never read; everything else is a rebuild.
        #expect(read.repaired == (kind != "appended"))
    }

    @Test func aDatabaseWithoutChecksumsFromAnOlderFuwuIsRebuiltQuietly() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let path = try box.cache.open(folder: box.folder).database.path
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[20] = 0
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let opened = try box.cache.open(folder: box.folder)
        #expect(opened.status.word == "compiled")
        #expect(opened.repairedDamage == nil)
        #expect(PageChecksums.header(of: path) == .protected)
    }

    @Test func leftoversOfAKilledBuildAreRemovedOnceOldAndUnlocked() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        let directory = box.cache.directory
        func leftover(_ name: String, ageSeconds: Int) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            var times = [timespec(tv_sec: time(nil) - ageSeconds, tv_nsec: 0), timespec(tv_sec: time(nil) - ageSeconds, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            return path
        }
        let old = try leftover(".a.sqlite.1.2.tmp", ageSeconds: 700)
        let oldJournal = try leftover(".a.sqlite.1.2.tmp-journal", ageSeconds: 700)
        let fresh = try leftover(".b.sqlite.1.2.tmp", ageSeconds: 60)
        let held = try leftover(".c.sqlite.1.2.tmp", ageSeconds: 700)
        let heldJournal = try leftover(".c.sqlite.1.2.tmp-journal", ageSeconds: 700)
        let lock = open(held, O_RDONLY)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        _ = try box.cache.open(folder: box.folder)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        #expect(!exists(old))
        #expect(!exists(oldJournal))
        #expect(exists(fresh))
        #expect(exists(held))
        #expect(exists(heldJournal))
    }
}
