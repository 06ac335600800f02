import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XML document as a stream of events with FoundationXML's SAX parser, handing each
/// element's local name (the part after any namespace prefix) and attributes to closures.
final class XMLEventReader: NSObject, XMLParserDelegate {
    /// An element's start: its local name and attributes keyed by local name.
    typealias Start = (_ name: String, _ attributes: [String: String]) throws(ImportProblem) -> Void
    /// An element's end: its local name.
    typealias End = (_ name: String) throws(ImportProblem) -> Void

    private let onStart: Start
    private let onEnd: End
    private let onText: (String) -> Void
    private var problem: ImportProblem?
    /// The first syntax error libxml2 reported, with its line.
    private var syntaxError: (String, Int)?
    private weak var parser: XMLParser?

    private init(onStart: @escaping Start, onEnd: @escaping End, onText: @escaping (String) -> Void) {
        self.onStart = onStart
        self.onEnd = onEnd
        self.onText = onText
    }

    /// Parses `data`, calling the closures in document order. A problem a closure throws stops
    /// the parse and is rethrown; malformed XML is reported through `malformed` with the
    /// parser's message and line.
    /// With `file`, `data` is a mapping of that file, already checked for UTF-8, and the parser
    /// reads the file.
    static func read(_ data: Data, file: URL? = nil,
                     malformed: (_ message: String, _ line: Int) -> ImportProblem,
                     onStart: @escaping Start,
                     onEnd: @escaping End = { _ throws(ImportProblem) in },
                     onText: @escaping (String) -> Void = { _ in }) throws(ImportProblem) {
        // FoundationXML runs libxml2 in recovery mode and force-unwraps element and attribute
        // names as UTF-8, so a damaged name would crash it: refuse bytes that are not UTF-8 first.
        if file == nil, let offset = firstInvalidUTF8Offset(data) {
            throw malformed("bytes that are not UTF-8", 1 + data.prefix(offset).lazy.filter { $0 == 0x0A }.count)
        }
        let reader = XMLEventReader(onStart: onStart, onEnd: onEnd, onText: onText)
        // Fed from a stream, not `XMLParser(data:)`: that pushes the whole part to libxml2 as one
        // chunk, and libxml2's push parser then stops at the end with "Huge input lookup"
        // (error 1, XML_ERR_INTERNAL_ERROR) once a part passes 10 000 000 bytes
        // (XML_MAX_LOOKUP_LIMIT), as a sheet of some 20 000 rows does. The stream hands it
        // 128 KiB at a time, and libxml2 drops what it has parsed as it goes.
        guard let stream = file.map({ InputStream(url: $0) }) ?? InputStream(data: data) else {
            throw malformed("the unpacked part could not be read back", 1)
        }
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        let succeeded = parser.parse()
        if let problem = reader.problem { throw problem }
        // libxml2 recovers from many errors and reports them only through the delegate.
        if let (message, line) = reader.syntaxError { throw malformed(message, line) }
        if !succeeded {
            let message = parser.parserError.map(describe) ?? "malformed XML"
            throw malformed(message, parser.lineNumber)
        }
    }

    /// Where the first byte that is not UTF-8 lies, or nil; checked a megabyte at a time (each
    /// piece ending at a character's start), so a large part is not copied whole.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var start = data.startIndex
        while start < data.endIndex {
            var end = min(start + (1 << 20), data.endIndex)
            while end < data.endIndex, data[end] & 0xC0 == 0x80, end > start + 1 { end -= 1 }
            let piece = [UInt8](data[start..<end])
            if String(validating: piece, as: UTF8.self) == nil {
                return (start - data.startIndex) + (DelimitedRecordParser.firstInvalidUTF8Offset(piece) ?? 0)
            }
            start = end
        }
        return nil
    }

    /// libxml2's error as words: `NSXMLParserErrorDomain error 76` becomes "an end tag does not
    /// match its start tag". (FoundationXML's own ErrorCode names are off by some cases on Linux,
    /// so the common libxml2 numbers are named here.)
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 4: return "the part is empty"
        case 5: return "extra content after the end of the document"
        case 9: return "a character XML does not allow"
        case 26: return "an undeclared entity"
        case 38: return "a < inside an attribute value"
        case 39, 40: return "an attribute value not quoted or not closed"
        case 41: return "an attribute without a value"
        case 42: return "an attribute given twice"
        case 68: return "a missing name"
        case 73: return "a missing >"
        case 76: return "an end tag that does not match its start tag"
        case 77: return "an element never closed"
        default: return "XML error \(code)"
        }
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard problem == nil, syntaxError == nil else { return }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
        do {
            try onStart(Self.localName(elementName), attributes)
        } catch {
            stop(error)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard problem == nil else { return }
        do {
            try onEnd(Self.localName(elementName))
        } catch {
            stop(error)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard problem == nil else { return }
        onText(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard problem == nil, syntaxError == nil else { return }
        syntaxError = (Self.describe(parseError), parser.lineNumber)
        parser.abortParsing()
    }

    private func stop(_ error: ImportProblem) {
        problem = error
        parser?.abortParsing()
    }
}

extension XMLEventReader {
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard problem == nil else { return }
        onText(String(decoding: CDATABlock, as: UTF8.self))
    }
}
