/// Finding records from what a person types: an id, a code or a name, case and spacing aside.
extension ServiceCatalogue {
    /// A domain by id (`D1`) or name (`幼有善育`, or English name).
    public func findDomain(_ text: String) -> Domain? {
        let key = Self.lookupKey(text)
        return domains.first { Self.lookupKey($0.id) == key || Self.lookupKey($0.name) == key || Self.lookupKey($0.nameEnglish) == key }
    }

    /// A point type by id (`shekang`) or name (`社康中心`).
    public func findPointType(_ text: String) -> PointType? {
        let key = Self.lookupKey(text)
        return pointTypes.first { Self.lookupKey($0.id) == key || Self.lookupKey($0.name) == key || Self.lookupKey($0.nameEnglish) == key }
    }

    /// A subdistrict by code, full name (`福田街道`), name without 街道 (`福田`) or pinyin.
    public func findSubdistrict(_ text: String) -> Subdistrict? {
        let key = Self.lookupKey(text)
        return subdistricts.first {
            Self.lookupKey($0.code) == key || Self.lookupKey($0.name) == key || Self.lookupKey($0.pinyin) == key
                || ($0.name.hasSuffix("街道") && Self.lookupKey(String($0.name.dropLast(2))) == key)
        }
    }

    /// An item by id or exact name.
    public func findItem(_ text: String) -> ServiceItem? {
        let key = Self.lookupKey(text)
        return items.first { Self.lookupKey($0.id) == key } ?? items.first { Self.lookupKey($0.name) == key }
    }

    /// A standard text by id or code; codes match ignoring case, spaces and punctuation
    /// (`db4403t236-2022` finds `DB4403/T 236—2022`).
    public func findStandard(_ text: String) -> StandardText? {
        let key = Self.lookupKey(text)
        if let byID = standards.first(where: { Self.lookupKey($0.id) == key }) { return byID }
        let code = Self.codeKey(text)
        guard !code.isEmpty else { return nil }
        return standards.first { Self.codeKey($0.code) == code }
    }

    /// Lower-cased with surrounding spaces removed and full-width ASCII folded.
    static func lookupKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) { return folded }
            return scalar
        })).lowercased().trimmingCharacters()
    }

    /// Letters and digits only, lower-cased: how standard codes are compared.
    static func codeKey(_ text: String) -> String {
        String(lookupKey(text).filter { $0.isLetter || $0.isNumber })
    }
}
