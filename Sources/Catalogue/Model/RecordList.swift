import Foundation

/// A list of records held as values, or left in a compiled section and decoded, all at once, the
/// first time they are asked for (a catalogue's standard texts: the browser's first frame and most
/// commands never read them). Lookups by id find the first record with the id, as an index built
/// from the list would.
final class RecordList<Record: Sendable>: @unchecked Sendable {
    private let decode: (() -> [Record])?
    private let id: (Record) -> String
    /// Guarded by `lock`: the records once decoded (or as given), and the index by id once asked for.
    private var decoded: [Record]?
    private var index: [String: Int]?
    private let lock = NSLock()

    init(values: [Record], id: @escaping (Record) -> String) {
        decode = nil
        self.id = id
        decoded = values
    }

    /// Records that `decode` reads when they are first asked for.
    init(decoding decode: @escaping () -> [Record], id: @escaping (Record) -> String) {
        self.decode = decode
        self.id = id
    }

    /// Every record, in order (decoded on first use).
    var values: [Record] {
        lock.lock()
        defer { lock.unlock() }
        return unlockedValues()
    }

    /// The first record with this id.
    func record(_ recordID: String) -> Record? {
        lock.lock()
        defer { lock.unlock() }
        let all = unlockedValues()
        if index == nil { index = ServiceCatalogue.index(all.map(id)) }
        return index?[recordID].map { all[$0] }
    }

    private func unlockedValues() -> [Record] {
        if let decoded { return decoded }
        let all = decode?() ?? []
        decoded = all
        return all
    }
}
