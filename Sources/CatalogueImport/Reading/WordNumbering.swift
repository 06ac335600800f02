/// Word's automatic numbering (`word/numbering.xml`) played forward paragraph by paragraph, so
/// that a clause numbered by Word rather than typed gets the label Word shows, such as `5.1.2`.
struct WordNumbering {
    /// One level of a list definition.
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        /// `w:isLgl`: every level shown as a decimal number.
        var legal = false
        /// `w:lvlRestart`: restart after this 1-based level only (0 never restarts); nil means
        /// after any higher level.
        var restartAfter: Int?
    }

    /// A numbering instance (`w:num`): its abstract definition and any start overrides.
    struct Instance {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
    }

    private var definitions: [Int: [Int: Level]] = [:]
    private var instances: [Int: Instance] = [:]
    /// Counters per abstract definition and level: Word continues a list across instances that
    /// share a definition unless an instance overrides the start.
    private var counters: [Int: [Int: Int]] = [:]
    /// Instance levels whose start override has been applied.
    private var overridden: Set<[Int]> = []

    init() {}

    /// Reads `word/numbering.xml`.
    init(package: OfficePackage, partPath: String?) throws(ImportProblem) {
        guard let partPath, package.contains(partPath) else { return }
        var definitions: [Int: [Int: Level]] = [:]
        var instances: [Int: Instance] = [:]
        var abstractID: Int?, levelIndex: Int?, level = Level()
        var instanceID: Int?, instance = Instance(abstractID: -1), overrideLevel: Int?
        try XMLEventReader.read(try package.part(partPath), malformed: package.malformed(partPath),
            onStart: { element, attributes throws(ImportProblem) in
                let value = attributes["val"]
                switch element {
                case "abstractNum": abstractID = attributes["abstractNumId"].flatMap(Int.init)
                case "lvl" where abstractID != nil:
                    levelIndex = attributes["ilvl"].flatMap(Int.init)
                    level = Level()
                case "start" where levelIndex != nil: level.start = value.flatMap(Int.init) ?? 1
                case "numFmt" where levelIndex != nil: level.format = value ?? "decimal"
                case "lvlText" where levelIndex != nil: level.text = value ?? ""
                case "isLgl" where levelIndex != nil: level.legal = value.map { $0 != "0" && $0 != "false" } ?? true
                case "lvlRestart" where levelIndex != nil: level.restartAfter = value.flatMap(Int.init)
                case "num":
                    instanceID = attributes["numId"].flatMap(Int.init)
                    instance = Instance(abstractID: -1)
                case "abstractNumId" where instanceID != nil: instance.abstractID = value.flatMap(Int.init) ?? -1
                case "lvlOverride" where instanceID != nil: overrideLevel = attributes["ilvl"].flatMap(Int.init)
                case "startOverride" where instanceID != nil:
                    if let overrideLevel, let start = value.flatMap(Int.init) { instance.startOverrides[overrideLevel] = start }
                default: break
                }
            },
            onEnd: { element throws(ImportProblem) in
                switch element {
                case "lvl":
                    if let abstractID, let levelIndex, (0...8).contains(levelIndex) { definitions[abstractID, default: [:]][levelIndex] = level }
                    levelIndex = nil
                case "abstractNum": abstractID = nil
                case "lvlOverride": overrideLevel = nil
                case "num":
                    if let instanceID { instances[instanceID] = instance }
                    instanceID = nil
                default: break
                }
            })
        self.definitions = definitions
        self.instances = instances
    }

    /// What a numbered paragraph shows before its text.
    enum Label: Equatable {
        case bullet
        case number(String)
    }

    /// Counts one paragraph of instance `id` at `levelIndex` and returns its label, or nil when
    /// the instance is 0 (numbering removed), unknown, or shows nothing.
    mutating func next(instance id: Int, level levelIndex: Int) -> Label? {
        guard id != 0, let instance = instances[id], let levels = definitions[instance.abstractID],
              let level = levels[levelIndex] else { return nil }
        var counts = counters[instance.abstractID] ?? [:]
        if let start = instance.startOverrides[levelIndex], !overridden.contains([id, levelIndex]) {
            overridden.insert([id, levelIndex])
            counts[levelIndex] = start
        } else if let current = counts[levelIndex] {
            counts[levelIndex] = current + 1
        } else {
            counts[levelIndex] = level.start
        }
        // Deeper levels restart, unless their lvlRestart says they restart only after a higher one.
        for (deeper, definition) in levels where deeper > levelIndex {
            if let after = definition.restartAfter, after == 0 || after <= levelIndex { continue }
            counts[deeper] = nil
        }
        counters[instance.abstractID] = counts
        if level.format == "bullet" { return .bullet }
        if level.format == "none" || level.text.isEmpty { return nil }
        var label = ""
        var characters = level.text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { label.append(character); continue }
            guard let digit = characters.next() else { break }
            guard let shown = digit.wholeNumberValue, (1...9).contains(shown) else { label.append(digit); continue }
            let index = shown - 1
            let definition = levels[index] ?? Level()
            let value = counts[index] ?? definition.start
            label += Self.format(value, as: level.legal && index < levelIndex ? "decimal" : definition.format)
        }
        return .number(label)
    }

    /// A counter in one of Word's number formats.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "upperLetter": return letters(value, uppercase: true)
        case "lowerLetter": return letters(value, uppercase: false)
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting", "taiwaneseCounting":
            return chinese(value)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...10).contains(value) ? String(stems[value - 1]) : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(value) ? String(UnicodeScalar(0x2460 + UInt32(value - 1)).map(Character.init) ?? "?") : String(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { scalar in
                Character(UnicodeScalar(scalar.value + 0xFEE0) ?? scalar)
            })
        default: return String(value)
        }
    }

    /// a, b, … z, aa, bb, … as Word counts letters.
    static func letters(_ value: Int, uppercase: Bool) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(UnicodeScalar(UInt8((value - 1) % 26) + (uppercase ? 65 : 97)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, numeral) in table {
            while rest >= amount { result += numeral; rest -= amount }
        }
        return result
    }

    /// 一 … 九十九 as Chinese documents count clauses.
    static func chinese(_ value: Int) -> String {
        let digits = Array("〇一二三四五六七八九")
        guard (1...99).contains(value) else { return String(value) }
        if value < 10 { return String(digits[value]) }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }
}
