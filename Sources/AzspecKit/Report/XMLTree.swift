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
                case .text(let text): out += XMLEscaping.escapedText(text)
                case .close(let name): out += "</\(name)>"
                case .open(let element):
                    out += "<" + element.name
                    for (name, value) in element.attributes { out += " \(name)=\"\(XMLEscaping.escapedAttribute(value))\"" }
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
        var reader = Reader(Array(text.utf8))
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
}

/// The reader's cursor over the document's UTF-8 bytes (valid UTF-8: ``XMLTree/decode(_:)`` checked it). All markup
/// is ASCII, so the bytes of other characters are copied as they are; a byte over 0x7F may stand in a name.
private struct Reader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    typealias Failure = XMLTree.Failure

    func failure(_ reason: String, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? index, bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // the first byte of a character
            }
        }
        return Failure(line: line, column: column, reason: reason)
    }

    func looking(at text: String) -> Bool {
        var offset = index
        for byte in text.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    mutating func skip(_ text: String) -> Bool {
        guard looking(at: text) else { return false }
        index += text.utf8.count
        return true
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() -> Bool {
        let start = index
        while let byte = current, Self.isSpace(byte) { index += 1 }
        return index > start
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The length of the character at `offset` when XML 1.0's Char production allows it, else nil: controls but tab,
    /// line feed and carriage return are refused, and so are U+FFFE and U+FFFF (EF BF BE, EF BF BF).
    func charLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? 1 : nil }
        if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBF, bytes[offset + 2] >= 0xBE { return nil }
        return byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
    }

    func notAllowed(at offset: Int) -> Failure {
        let scalar = String(decoding: bytes[offset..<min(offset + 3, bytes.count)], as: UTF8.self).unicodeScalars.first
        return failure("a character XML does not allow (U+\(String(scalar?.value ?? 0, radix: 16, uppercase: true)))", at: offset)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    static func isName(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte == 0x2D || byte == 0x2E || (0x30...0x39).contains(byte)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func name() throws(Failure) -> String {
        let start = index
        guard let first = current, Self.isNameStart(first) else { throw failure("a name was expected") }
        index += 1
        while let byte = current, Self.isName(byte) { index += 1 }
        return text(start..<index)
    }

    /// Up to and past `end`, which must come; the text before it, every character checked.
    mutating func until(_ end: String, what: String) throws(Failure) -> String {
        let start = index
        while index < bytes.count {
            if looking(at: end) {
                let found = text(start..<index)
                index += end.utf8.count
                return found
            }
            guard let length = charLength(at: index) else { throw notAllowed(at: index) }
            index += length
        }
        throw failure("\(what) is not closed (no '\(end)')", at: start)
    }

    /// Comments, processing instructions and white space between the markup that matters.
    mutating func misc(prolog: Bool) throws(Failure) {
        while true {
            _ = skipSpace()
            if skip("<!--") {
                let comment = try until("-->", what: "a comment")
                if comment.contains("--") || comment.hasSuffix("-") { throw failure("'--' inside a comment") }
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
        guard looking(at: "<?xml"), index + 5 < bytes.count, Self.isSpace(bytes[index + 5]) else { return }
        index += 5
        let declared = try until("?>", what: "the XML declaration")
        if let range = declared.firstRange(of: "encoding") {
            let rest = declared[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "=" }
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
            throw failure(index >= bytes.count ? "the document has no root element" : "the root element was expected")
        }
        let root = try elements()
        try misc(prolog: false)
        guard index == bytes.count else { throw failure("content after the root element") }
        return root
    }

    /// The root element and everything in it, read with an explicit stack.
    mutating func elements() throws(Failure) -> XMLTree.Element {
        var open: [XMLTree.Element] = []
        var root: XMLTree.Element?
        var pending = ""
        var runStart = index  // the start of plain text not yet added to `pending`
        func flush(into element: XMLTree.Element?) {
            if !pending.isEmpty, let element { element.children.append(.text(pending)) }
            pending = ""
        }
        repeat {
            guard let byte = current else { throw failure("the document ends inside <\(open.last?.name ?? "")>") }
            if byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") {
                // Plain text: checked, and copied in one piece when the run ends.
                guard let length = charLength(at: index) else { throw notAllowed(at: index) }
                if byte == UInt8(ascii: ">"), index >= 2, bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") {
                    throw failure("']]>' in text")
                }
                index += length
                continue
            }
            pending += text(runStart..<index)
            if byte == UInt8(ascii: "&") {
                pending.unicodeScalars.append(try reference())
            } else if skip("</") {
                flush(into: open.last)
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
                pending += try until("]]>", what: "a CDATA section")
            } else if looking(at: "<?") {
                try instruction()
            } else if looking(at: "<!") {
                throw failure("markup declarations (<!…>) are refused: azspec reads reports without DTDs or entities")
            } else {
                index += 1
                flush(into: open.last)
                let element = try startTag()
                if let parent = open.last { parent.children.append(.element(element)) } else { root = element }
                if !skip("/>") {
                    guard skip(">") else { throw failure("'>' was expected in <\(element.name)>") }
                    guard open.count < XMLTree.maximumDepth else { throw failure("elements nested deeper than \(XMLTree.maximumDepth)") }
                    open.append(element)
                }
            }
            runStart = index
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
            guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw failure("the value of attribute \(attribute) must be quoted")
            }
            index += 1
            var value = ""
            var runStart = index
            while true {
                guard let byte = current else { throw failure("the value of attribute \(attribute) is not closed") }
                if byte == quote || byte == UInt8(ascii: "&") || Self.isSpace(byte) {
                    value += text(runStart..<index)
                    if byte == quote {
                        index += 1
                        break
                    }
                    if byte == UInt8(ascii: "&") {
                        value.unicodeScalars.append(try reference())
                    } else {
                        value += " "  // attribute-value normalisation: white space characters become spaces
                        index += 1
                    }
                    runStart = index
                    continue
                }
                if byte == UInt8(ascii: "<") { throw failure("'<' in the value of attribute \(attribute)") }
                guard let length = charLength(at: index) else { throw notAllowed(at: index) }
                index += length
            }
            guard !attributes.contains(where: { $0.name == attribute }) else {
                throw failure("attribute \(attribute) appears twice in <\(name)>")
            }
            attributes.append((attribute, value))
        }
        return XMLTree.Element(name: name, attributes: attributes)
    }

    /// `&lt;` and the other four, `&#N;` and `&#xH;`; any other entity is undefined (there is no DTD).
    mutating func reference() throws(Failure) -> Unicode.Scalar {
        let start = index
        index += 1
        let bodyStart = index
        while let byte = current, byte != UInt8(ascii: ";"), index - bodyStart < 12 { index += 1 }
        guard current == UInt8(ascii: ";") else { throw failure("'&' that starts no reference", at: start) }
        let body = text(bodyStart..<index)
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

    /// XML 1.0's Char production, for a character written as a reference.
    static func isChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
