/// A small, strict XML reader for the reports `merge-reports` joins, in place of libxml2: elements, attributes,
/// text, CDATA, comments and processing instructions, checked for well-formedness (XML 1.0). There is no DTD: a
/// `<!DOCTYPE` is refused, and so is any entity reference but the five predefined ones and character references, so
/// nothing is ever loaded, expanded or fetched, in any encoding (``XMLTree/read(_:)`` takes UTF-8 or UTF-16 and refuses
/// every other). Work is linear in the input; nesting is bounded; no message of a C library reaches the console.
public struct XMLTree: Sendable {
    /// An element: its name, attributes in document order, and children.
    public final class Element: @unchecked Sendable {
        public let name: String
        public var attributes: [(name: String, value: String)]
        public var children: [Child]

        init(name: String, attributes: [(name: String, value: String)]) {
            self.name = name
            self.attributes = attributes
            self.children = []
        }

        public enum Child: Sendable {
            case element(Element)
            case text(String)
        }

        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        public func setAttribute(_ name: String, _ value: String) {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                attributes[index].value = value
            } else {
                attributes.append((name, value))
            }
        }

        public func removeAttribute(_ name: String) { attributes.removeAll { $0.name == name } }

        public func elements(named name: String) -> [Element] {
            children.compactMap { if case .element(let element) = $0, element.name == name { element } else { nil } }
        }

        /// The element as XML text (comments and processing instructions are not kept; CDATA becomes escaped text).
        public var xml: String {
            var out = ""
            write(into: &out)
            return out
        }

        private func write(into out: inout String) {
            // Iterative, like the reader: nesting never reaches the stack.
            enum Step {
                case open(Element)
                case close(String)
                case text(String)
            }
            var steps: [Step] = [.open(self)]
            while let step = steps.popLast() {
                switch step {
                case .text(let text): out += XMLTree.escaped(text, quote: false)
                case .close(let name): out += "</\(name)>"
                case .open(let element):
                    out += "<" + element.name
                    for (name, value) in element.attributes { out += " \(name)=\"\(XMLTree.escaped(value, quote: true))\"" }
                    if element.children.isEmpty {
                        out += "/>"
                        continue
                    }
                    out += ">"
                    steps.append(.close(element.name))
                    for child in element.children.reversed() {
                        switch child {
                        case .element(let inner): steps.append(.open(inner))
                        case .text(let text): steps.append(.text(text))
                        }
                    }
                }
            }
        }
    }

    /// Why a document cannot be read: where (1-based line and column) and what.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let reason: String
        public var description: String { "\(line):\(column): \(reason)" }
    }

    /// The deepest nesting read.
    public static let maximumDepth = 256

    public let root: Element

    /// Reads a document from its bytes: UTF-8 (with or without a byte order mark) or UTF-16 (with a byte order mark,
    /// or told by its first characters, `<?` as two-byte units); any other encoding, a declaration naming another, a
    /// DTD or an undefined entity is refused.
    public static func read(_ bytes: [UInt8]) throws(Failure) -> XMLTree {
        let text = try decode(bytes)
        var reader = Reader(Array(text.unicodeScalars))
        return XMLTree(root: try reader.document())
    }

    /// The bytes as text, from UTF-8 or UTF-16.
    static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        func refuse(_ reason: String) -> Failure { Failure(line: 1, column: 1, reason: reason) }
        var body = bytes[...]
        var utf16: Bool?  // nil: UTF-8; true: little-endian; false: big-endian
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        } else if body.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || body.starts(with: [0xFF, 0xFE, 0x00, 0x00])
            || body.starts(with: [0x00, 0x00, 0x00, 0x3C]) || body.starts(with: [0x3C, 0x00, 0x00, 0x00])
        {
            throw refuse("the report is in UTF-32; azspec reads reports in UTF-8 or UTF-16")
        } else if body.starts(with: [0xFF, 0xFE]) {
            (utf16, body) = (true, body.dropFirst(2))
        } else if body.starts(with: [0xFE, 0xFF]) {
            (utf16, body) = (false, body.dropFirst(2))
        } else if body.starts(with: [0x3C, 0x00]) {
            utf16 = true
        } else if body.starts(with: [0x00, 0x3C]) {
            utf16 = false
        } else if body.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            throw refuse("the report is in EBCDIC; azspec reads reports in UTF-8 or UTF-16")
        }
        let text: String
        if let littleEndian = utf16 {
            guard body.count % 2 == 0 else { throw refuse("the report's UTF-16 text ends in the middle of a character") }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index])
                let second = UInt16(body[index + 1])
                units.append(littleEndian ? first | second << 8 : first << 8 | second)
                index += 2
            }
            guard let decoded = String(validating: units, as: UTF16.self) else {
                throw refuse("the report is not valid UTF-16")
            }
            text = decoded
        } else {
            guard let decoded = String(validating: body, as: UTF8.self) else {
                throw refuse("the report is not valid UTF-8 (azspec reads reports in UTF-8 or UTF-16)")
            }
            text = decoded
        }
        return text
    }

    static func escaped(_ text: String, quote: Bool) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quote && ($0 == 0x22 || $0 < 0x20)) }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            case "\t" where quote: out += "&#9;"
            case "\n" where quote: out += "&#10;"
            case "\r" where quote: out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The reader's cursor over the document's scalars.
private struct Reader {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    typealias Failure = XMLTree.Failure

    func failure(_ reason: String, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? index, scalars.count)
        var line = 1
        var column = 1
        for scalar in scalars[..<end] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Failure(line: line, column: column, reason: reason)
    }

    func looking(at text: String) -> Bool {
        var offset = index
        for scalar in text.unicodeScalars {
            guard offset < scalars.count, scalars[offset] == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func skip(_ text: String) -> Bool {
        guard looking(at: text) else { return false }
        index += text.unicodeScalars.count
        return true
    }

    mutating func skipSpace() -> Bool {
        let start = index
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        return index > start
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }

    /// XML 1.0's Char production.
    static func isChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    static func isName(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar) || scalar.value == 0xB7
            || (0x300...0x36F).contains(scalar.value) || (0x203F...0x2040).contains(scalar.value)
    }

    mutating func name() throws(Failure) -> String {
        let start = index
        guard index < scalars.count, Self.isNameStart(scalars[index]) else { throw failure("a name was expected") }
        index += 1
        while index < scalars.count, Self.isName(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// Up to and past `end`, which must come; the text before it, every character checked.
    mutating func until(_ end: String, what: String) throws(Failure) -> String {
        let start = index
        while index < scalars.count {
            if looking(at: end) {
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                index += end.unicodeScalars.count
                return text
            }
            guard Self.isChar(scalars[index]) else { throw failure("a character XML does not allow (U+\(hex(scalars[index])))") }
            index += 1
        }
        throw failure("\(what) is not closed (no '\(end)')", at: start)
    }

    func hex(_ scalar: Unicode.Scalar) -> String { String(scalar.value, radix: 16, uppercase: true) }

    /// Comments, processing instructions and white space between the markup that matters.
    mutating func misc(prolog: Bool) throws(Failure) {
        while true {
            _ = skipSpace()
            if skip("<!--") {
                let text = try until("-->", what: "a comment")
                if text.contains("--") || text.hasSuffix("-") { throw failure("'--' inside a comment") }
            } else if looking(at: "<?") {
                try instruction()
            } else if looking(at: "<!DOCTYPE") || looking(at: "<!doctype") {
                throw failure(
                    prolog ? "a DTD (<!DOCTYPE>) is refused: azspec reads reports without DTDs or entities" : "a DTD after the root element"
                )
            } else {
                return
            }
        }
    }

    mutating func instruction() throws(Failure) {
        let start = index
        index += 2
        let target = try name()
        if target.lowercased() == "xml" { throw failure("an XML declaration that is not at the very start", at: start) }
        _ = try until("?>", what: "a processing instruction")
    }

    /// The XML declaration's `encoding`, checked against what was read (UTF-8 or UTF-16).
    mutating func declaration() throws(Failure) {
        guard looking(at: "<?xml"), index + 5 < scalars.count, Self.isSpace(scalars[index + 5]) else { return }
        index += 5
        let text = try until("?>", what: "the XML declaration")
        if let range = text.firstRange(of: "encoding") {
            let rest = text[range.upperBound...].drop { Self.isSpace($0.unicodeScalars.first ?? " ") || $0 == "=" }
            let quote = rest.first
            let value = rest.dropFirst().prefix { $0 != quote }.lowercased()
            guard ["utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii"].contains(value) else {
                throw failure("the report says it is in '\(value)'; azspec reads reports in UTF-8 or UTF-16", at: 0)
            }
        }
    }

    mutating func document() throws(Failure) -> XMLTree.Element {
        try declaration()
        try misc(prolog: true)
        guard looking(at: "<"), !looking(at: "</"), !looking(at: "<!") else {
            throw failure(index >= scalars.count ? "the document has no root element" : "the root element was expected")
        }
        let root = try elements()
        try misc(prolog: false)
        guard index == scalars.count else { throw failure("content after the root element") }
        return root
    }

    /// The root element and everything in it, read with an explicit stack.
    mutating func elements() throws(Failure) -> XMLTree.Element {
        var open: [XMLTree.Element] = []
        var root: XMLTree.Element?
        var text = ""
        func flush(_ text: inout String, into element: XMLTree.Element?) {
            if !text.isEmpty, let element { element.children.append(.text(text)) }
            text = ""
        }
        repeat {
            guard index < scalars.count else { throw failure("the document ends inside <\(open.last?.name ?? "")>") }
            if skip("</") {
                flush(&text, into: open.last)
                let name = try name()
                _ = skipSpace()
                guard skip(">") else { throw failure("'>' was expected after </\(name)") }
                guard let element = open.popLast(), element.name == name else {
                    throw failure("</\(name)> does not close <\(open.last?.name ?? "nothing")>")
                }
            } else if skip("<!--") {
                let comment = try until("-->", what: "a comment")
                if comment.contains("--") || comment.hasSuffix("-") { throw failure("'--' inside a comment") }
            } else if skip("<![CDATA[") {
                text += try until("]]>", what: "a CDATA section")
            } else if looking(at: "<?") {
                try instruction()
            } else if looking(at: "<!") {
                throw failure("markup declarations (<!…>) are refused: azspec reads reports without DTDs or entities")
            } else if skip("<") {
                flush(&text, into: open.last)
                let element = try startTag()
                if let parent = open.last { parent.children.append(.element(element)) } else { root = element }
                if skip("/>") { continue }
                guard skip(">") else { throw failure("'>' was expected in <\(element.name)>") }
                guard open.count < XMLTree.maximumDepth else { throw failure("elements nested deeper than \(XMLTree.maximumDepth)") }
                open.append(element)
            } else if scalars[index] == "&" {
                text.unicodeScalars.append(try reference())
            } else {
                let scalar = scalars[index]
                guard Self.isChar(scalar) else { throw failure("a character XML does not allow (U+\(hex(scalar)))") }
                if scalar == ">", index >= 2, scalars[index - 1] == "]", scalars[index - 2] == "]" {
                    throw failure("']]>' in text")
                }
                text.unicodeScalars.append(scalar)
                index += 1
            }
        } while !open.isEmpty
        guard let root else { throw failure("the root element was expected") }
        return root
    }

    /// `name attr="value" …`, after `<`.
    mutating func startTag() throws(Failure) -> XMLTree.Element {
        let name = try name()
        var attributes: [(name: String, value: String)] = []
        while true {
            let spaced = skipSpace()
            if looking(at: ">") || looking(at: "/>") { break }
            guard spaced else { throw failure("white space was expected between attributes of <\(name)>") }
            let attribute = try self.name()
            _ = skipSpace()
            guard skip("=") else { throw failure("'=' was expected after attribute \(attribute)") }
            _ = skipSpace()
            guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
                throw failure("the value of attribute \(attribute) must be quoted")
            }
            let quote = scalars[index]
            index += 1
            var value = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw failure("the value of attribute \(attribute) is not closed") }
                let scalar = scalars[index]
                if scalar == quote {
                    index += 1
                    break
                }
                if scalar == "<" { throw failure("'<' in the value of attribute \(attribute)") }
                if scalar == "&" {
                    value.append(try reference())
                    continue
                }
                guard Self.isChar(scalar) else { throw failure("a character XML does not allow (U+\(hex(scalar)))") }
                // Attribute-value normalisation: white space characters become spaces.
                value.append(Self.isSpace(scalar) ? " " : scalar)
                index += 1
            }
            guard !attributes.contains(where: { $0.name == attribute }) else {
                throw failure("attribute \(attribute) appears twice in <\(name)>")
            }
            attributes.append((attribute, String(value)))
        }
        return XMLTree.Element(name: name, attributes: attributes)
    }

    /// `&lt;` and the other four, `&#N;` and `&#xH;`; any other entity is undefined (there is no DTD).
    mutating func reference() throws(Failure) -> Unicode.Scalar {
        let start = index
        index += 1
        var body = ""
        while index < scalars.count, scalars[index] != ";", body.unicodeScalars.count < 12 {
            body.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";" else { throw failure("'&' that starts no reference", at: start) }
        index += 1
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        var number: UInt32?
        if body.hasPrefix("#x") {
            number = UInt32(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("#") {
            number = UInt32(body.dropFirst(), radix: 10)
        } else {
            throw failure("entity '&\(body);' is not defined (azspec reads reports without DTDs or entities)", at: start)
        }
        guard let number, let scalar = Unicode.Scalar(number), Self.isChar(scalar) else {
            throw failure("'&\(body);' is not a character XML allows", at: start)
        }
        return scalar
    }
}
