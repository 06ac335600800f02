import Foundation
import Catalogue

/// A text already in Markdown or plain text (.md, .txt), taken as it is; a `.md` file's fuwu
/// front matter (`code`, `title`, `issued`, `effective`) goes into the converted text's fields.
public enum PlainText {
    /// The largest text read, in bytes (fuwu's validation refuses bodies over 2 MB).
    static let maximumByteCount = 8 << 20

    /// Reads the text at `path` in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.
    public static func convert(path: String) throws(ImportProblem) -> ConvertedText {
        let text = try decodedText(path: path)
        var normalised = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        guard normalised.hasPrefix("---\n") else {
            if !normalised.isEmpty && !normalised.hasSuffix("\n") { normalised += "\n" }
            return ConvertedText(markdown: normalised)
        }
        let header: FrontMatter
        do {
            header = try FrontMatter.parse(normalised)
        } catch {
            throw ImportProblem(file: path, row: error.line, reason: error.message)
        }
        var body = Substring(header.body)
        while body.hasPrefix("\n") { body = body.dropFirst() }
        var markdown = String(body)
        if !markdown.isEmpty && !markdown.hasSuffix("\n") { markdown += "\n" }
        func value(_ key: String) -> String? {
            header.entries[key].map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        }
        // A header value the catalogue could not store is refused on its own line.
        for key in ["code", "title", "issued", "effective"] {
            guard let entry = header.entries[key], let text = value(key) else { continue }
            let problem = key == "issued" || key == "effective" ? FieldLimits.dateProblem(field: key, value: text)
                : FieldLimits.problem(field: key, value: text)
            if let problem { throw ImportProblem(file: path, row: entry.line, reason: "line \(entry.line): \(problem)") }
        }
        return ConvertedText(code: value("code"), title: value("title"), issued: value("issued"),
                             effective: value("effective"), markdown: markdown)
    }

    /// The whole file as text, its encoding detected as for CSV.
    static func decodedText(path: String) throws(ImportProblem) -> String {
        let prefix: [UInt8]
        do {
            prefix = try DecodedTextStream.prefix(of: path, maximum: maximumByteCount + 1)
        } catch {
            throw DelimitedTextSource.problem(error, path: path, line: nil)
        }
        if prefix.count > maximumByteCount {
            throw ImportProblem(file: path, reason: "the text is larger than \(maximumByteCount >> 20) MiB; split it or check that it is a text file")
        }
        let mark = TextEncoding.byteOrderMark(in: prefix)
        let encoding = mark?.encoding ?? TextEncoding.guess(from: prefix, complete: true)
        var bytes: [UInt8] = []
        var line = 1
        do {
            let stream = try DecodedTextStream(path: path, encoding: encoding, skippedByteCount: mark?.length ?? 0)
            while let chunk = try stream.next() {
                bytes += chunk
                line += chunk.lazy.filter { $0 == 0x0A }.count
            }
        } catch {
            throw DelimitedTextSource.problem(error, path: path, line: line, encoding: encoding)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = DelimitedRecordParser.firstInvalidUTF8Offset(bytes) ?? 0
            let badLine = 1 + bytes[..<offset].lazy.filter { $0 == 0x0A }.count
            throw ImportProblem(file: path, row: badLine, reason: "line \(badLine) is not valid UTF-8 text; save the file as UTF-8 or GB18030 (GBK)")
        }
        return text
    }
}
