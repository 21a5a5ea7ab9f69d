/// Why a request body is not JSON, phrased like the .NET deserializer behind ARM.
struct JSONParseError: Error, CustomStringConvertible {
    var message: String
    var offset: Int

    var description: String { "\(message) Position \(offset)." }
}

/// A small strict JSON (RFC 8259) reader for request bodies and token payloads.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 64

    /// Parses a complete document; trailing non-space text is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.parseValue()
        parser.skipSpace()
        guard parser.index == bytes.count else {
            throw parser.error("Additional text encountered after finished reading JSON content.")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: index)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            index += 1
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSON {
        guard let byte = current else { throw error("Unexpected end when reading JSON.") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw error("Unexpected character encountered while parsing value: \(Character(Unicode.Scalar(byte))).")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSON) throws(JSONParseError) -> JSON {
        for expected in word.utf8 {
            guard current == expected else { throw error("Error parsing \(word) value.") }
            index += 1
        }
        return value
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("The reader's MaxDepth of 64 has been exceeded.") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(String, JSON)] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw error("Invalid property identifier character.") }
            let key = try parseString()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("Invalid character after parsing property name.") }
            index += 1
            skipSpace()
            members.append((key, try parseValue()))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw error("After parsing a value an unexpected character was encountered.")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw error("After parsing a value an unexpected character was encountered.")
            }
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        var isInteger = true
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        guard isDigit(current) else { throw error("Invalid number.") }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(current) else { throw error("Invalid number.") }
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw error("Invalid number.") }
            while isDigit(current) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw error("Invalid number.") }
        return .number(value)
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var runStart = index
        var text = ""
        func flushRun(_ parser: JSONParser, _ text: inout String, _ runStart: Int) {
            if parser.index > runStart {
                text += String(decoding: parser.bytes[runStart..<parser.index], as: UTF8.self)
            }
        }
        while true {
            guard let byte = current else { throw error("Unterminated string. Expected delimiter: \".") }
            if byte == UInt8(ascii: "\"") {
                flushRun(self, &text, runStart)
                index += 1
                return text
            }
            if byte < 0x20 { throw error("Bad JSON escape sequence or control character in string.") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flushRun(self, &text, runStart)
            index += 1
            guard let escape = current else { throw error("Unterminated string. Expected delimiter: \".") }
            index += 1
            switch escape {
            case UInt8(ascii: "\""): text += "\""
            case UInt8(ascii: "\\"): text += "\\"
            case UInt8(ascii: "/"): text += "/"
            case UInt8(ascii: "b"): text += "\u{08}"
            case UInt8(ascii: "f"): text += "\u{0C}"
            case UInt8(ascii: "n"): text += "\n"
            case UInt8(ascii: "r"): text += "\r"
            case UInt8(ascii: "t"): text += "\t"
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code), current == UInt8(ascii: "\\"),
                    index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("Invalid Unicode surrogate pair.") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("Invalid Unicode escape sequence.") }
                text.unicodeScalars.append(scalar)
            default: throw error("Bad JSON escape sequence.")
            }
            runStart = index
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("Invalid Unicode escape sequence.") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("Invalid Unicode escape sequence.")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
