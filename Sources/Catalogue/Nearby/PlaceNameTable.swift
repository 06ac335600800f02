import ChineseText

/// The search keys of every place name a location can be given by (stations, subdistricts,
/// communities, points), packed for pinyin matching; compiled with the catalogue so that
/// `nearby --at shiminzhongxin` transcribes nothing at run time.
public struct PlaceNameTable: Sendable {
    let table: SearchKeyTable
    /// Name → its entry in `table`.
    let entries: [String: Int]
    /// Entry → its name.
    let names: [String]

    /// Packs the place names of `catalogue`; names missing from `keys` are transcribed here,
    /// which costs ICU time once per distinct character, so pass the compiled keys when there are any.
    public init(catalogue: ServiceCatalogue, keys: [String: SearchKey] = [:]) {
        var transcriber = PinyinTranscriber()
        var entries: [String: Int] = [:]
        var names: [String] = []
        var tableKeys: [SearchKey] = []
        for name in LocationResolver.placeNames(of: catalogue) where entries[name] == nil {
            entries[name] = tableKeys.count
            names.append(name)
            tableKeys.append(keys[name] ?? transcriber.key(for: name))
        }
        self.init(table: SearchKeyTable(keys: tableKeys), names: names)
    }

    /// A table of no names (nothing matches it).
    public static let empty = PlaceNameTable(table: SearchKeyTable(keys: []), names: [])

    private init(table: SearchKeyTable, names: [String]) {
        self.table = table
        self.names = names
        var entries: [String: Int] = [:]
        for (entry, name) in names.enumerated() where entries[name] == nil { entries[name] = entry }
        self.entries = entries
    }

    /// The compiled binary form (`init(image:)` reads it back).
    public var image: [UInt8] {
        var w = ByteWriter()
        w.strings(names)
        w.keyTable(table)
        return w.finished()
    }

    /// Reads a table written by `image`.
    public init(image bytes: UnsafeRawBufferPointer) throws(CatalogueImageError) {
        var r = try ByteReader(bytes)
        let names = try r.strings()
        let table = try r.keyTable()
        guard r.isAtEnd, table.count == names.count else { throw .malformed("place names disagree with their keys") }
        self.init(table: table, names: names)
    }

    /// The key of each place name, by name.
    public var keys: [String: SearchKey] {
        var result: [String: SearchKey] = [:]
        for (entry, name) in names.enumerated() { result[name] = table.key(of: entry) }
        return result
    }
}
