/// Reads the phone numbers a catalogue writes (`0755-83427453`, `83427453`, `13422890151`,
/// `0755-82897500-840`, `86-075583504107`) into numbers a phone can dial.
public enum PhoneNumber {
    /// Shenzhen's area code, given to 8-digit local numbers.
    public static let shenzhenAreaCode = "0755"

    /// The dialable numbers in a phone field, as `0755-83427453`, `0755-82897500,840` (an
    /// extension after a pause) or `13422890151`; a number that cannot be read is left out.
    /// Text after the number (`（周一至周日…）`) is ignored; several numbers separated by `/`, `、`
    /// or `；` each count.
    public static func dialable(in text: String) -> [String] {
        var results: [String] = []
        var current = ""
        var stopped = false
        for character in text {
            if stopped {
                if "/、；;,，".contains(character) { stopped = false; flush(&current, into: &results) }
                continue
            }
            if character.isASCII && (character.isNumber || character == "-" || character == "+" || character == " " || character == "(" || character == ")") {
                current.append(character)
            } else if character == "–" || character == "—" {
                current.append("-")
            } else if "/、；;,，".contains(character) {
                flush(&current, into: &results)
            } else {
                stopped = true
            }
        }
        flush(&current, into: &results)
        return results
    }

    private static func flush(_ current: inout String, into results: inout [String]) {
        if let number = normalised(current), !results.contains(number) { results.append(number) }
        current = ""
    }

    /// One number written with separators, or nil when it is not a Shenzhen fixed line or a
    /// mainland mobile number.
    static func normalised(_ text: String) -> String? {
        var groups = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        if groups.isEmpty { return nil }
        // A trailing group of 1–4 digits after a full number is an extension.
        var extensionDigits: String?
        if groups.count >= 2, let last = groups.last, last.count <= 4, groups.dropLast().joined().count >= 8 {
            extensionDigits = last
            groups.removeLast()
        }
        var digits = groups.joined()
        if digits.hasPrefix("86") && digits.count > 11 { digits.removeFirst(2) }
        if digits.count == 11, digits.hasPrefix("1") { return extensionDigits == nil ? digits : nil }
        if digits.hasPrefix(shenzhenAreaCode) {
            digits.removeFirst(4)
            // The area code written twice, or its digits run into the number.
            if digits.hasPrefix(shenzhenAreaCode) { digits.removeFirst(4) }
            if digits.count == 11, digits.hasPrefix("755") { digits.removeFirst(3) }
        }
        guard digits.count == 8, let first = digits.first, first != "0", first != "1" else { return nil }
        let number = "\(shenzhenAreaCode)-\(digits)"
        return extensionDigits.map { "\(number),\($0)" } ?? number
    }
}
