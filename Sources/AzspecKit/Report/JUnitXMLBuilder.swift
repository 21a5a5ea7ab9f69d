/// One attribute of an element the ``JUnitXMLBuilder`` writes.
struct JUnitXMLAttribute {
    var name: String
    var value: String
    /// Values azspec formats itself from numbers or dates (counts, times, timestamps, ids): they cannot hold a
    /// secret, and masking a digit run could break the format the schemas require. Everything else is redacted.
    var isFormattedNumber: Bool

    /// An attribute whose value may come from a spec, a response or the environment: redacted and escaped.
    static func text(_ name: String, _ value: String) -> JUnitXMLAttribute {
        JUnitXMLAttribute(name: name, value: value, isFormattedNumber: false)
    }

    /// An attribute whose value azspec formatted from a number or date: escaped only.
    static func number(_ name: String, _ value: String) -> JUnitXMLAttribute {
        JUnitXMLAttribute(name: name, value: value, isFormattedNumber: true)
    }
}

/// Writes an indented XML document.
///
/// This is the single place where text enters the document: every text node and every attribute value not marked
/// ``JUnitXMLAttribute/number(_:_:)`` passes through ``clean(_:)`` (redactor, then ``XMLEscaping``) and is escaped.
struct JUnitXMLBuilder {
    private let redactor: Redactor
    private var lines: [String] = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
    private var depth = 0

    init(redactor: Redactor) {
        self.redactor = redactor
    }

    /// The document so far, ending with a newline.
    var document: String { lines.joined(separator: "\n") + "\n" }

    /// The text as it will appear (before escaping): secrets masked, ANSI sequences removed, forbidden characters
    /// made visible. Redacts both before and after sanitizing, so that a secret is found whether or not an escape
    /// sequence was wrapped around or inside it.
    func clean(_ text: String) -> String {
        redactor.redact(XMLEscaping.sanitized(redactor.redact(text)))
    }

    /// `<name attributes>`; the element stays open until ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [JUnitXMLAttribute] = []) {
        append("<\(name)\(render(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        append("</\(name)>")
    }

    /// `<name attributes>text</name>`, or `<name attributes/>` when the text is empty.
    mutating func element(_ name: String, _ attributes: [JUnitXMLAttribute] = [], text: String = "") {
        let cleaned = clean(text)
        if cleaned.isEmpty {
            append("<\(name)\(render(attributes))/>")
        } else {
            append("<\(name)\(render(attributes))>\(XMLEscaping.escapedText(cleaned))</\(name)>")
        }
    }

    private mutating func append(_ line: String) {
        lines.append(String(repeating: "  ", count: depth) + line)
    }

    private func render(_ attributes: [JUnitXMLAttribute]) -> String {
        attributes.map { attribute in
            let value = attribute.isFormattedNumber ? attribute.value : clean(attribute.value)
            return " \(attribute.name)=\"\(XMLEscaping.escapedAttribute(value))\""
        }.joined()
    }
}
