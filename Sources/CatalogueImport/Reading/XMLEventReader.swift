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
    private weak var parser: XMLParser?

    private init(onStart: @escaping Start, onEnd: @escaping End, onText: @escaping (String) -> Void) {
        self.onStart = onStart
        self.onEnd = onEnd
        self.onText = onText
    }

    /// Parses `data`, calling the closures in document order. A problem a closure throws stops
    /// the parse and is rethrown; malformed XML is reported through `malformed` with the
    /// parser's message and line.
    static func read(_ data: Data,
                     malformed: (_ message: String, _ line: Int) -> ImportProblem,
                     onStart: @escaping Start,
                     onEnd: @escaping End = { _ throws(ImportProblem) in },
                     onText: @escaping (String) -> Void = { _ in }) throws(ImportProblem) {
        // FoundationXML runs libxml2 in recovery mode and force-unwraps element and attribute
        // names as UTF-8, so a damaged name would crash it: refuse bytes that are not UTF-8 first.
        let bytes = [UInt8](data)
        if String(validating: bytes, as: UTF8.self) == nil {
            let offset = DelimitedRecordParser.firstInvalidUTF8Offset(bytes) ?? 0
            throw malformed("bytes that are not UTF-8", 1 + bytes[..<offset].lazy.filter { $0 == 0x0A }.count)
        }
        let reader = XMLEventReader(onStart: onStart, onEnd: onEnd, onText: onText)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        let succeeded = parser.parse()
        if let problem = reader.problem { throw problem }
        if !succeeded {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw malformed(message, parser.lineNumber)
        }
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard problem == nil else { return }
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
