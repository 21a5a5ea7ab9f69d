extension JSONValue {
    /// Parses strict RFC 8259 JSON from UTF-8 bytes.
    ///
    /// A leading byte order mark is skipped. Invalid UTF-8, trailing data after the
    /// value and nesting deeper than 512 levels are rejected.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            JSONParser.parseResult(buffer)
        }
        self = try result.get()
    }

    /// Parses strict RFC 8259 JSON from a string.
    public init(parsing text: String) throws(JSONParseError) {
        let utf8 = text.utf8
        let result: Result<JSONValue, JSONParseError>
        if let r = utf8.withContiguousStorageIfAvailable({ JSONParser.parseResult($0) }) {
            result = r
        } else {
            let bytes = Array(utf8)
            result = bytes.withUnsafeBufferPointer { JSONParser.parseResult($0) }
        }
        self = try result.get()
    }

    /// Parses strict RFC 8259 JSON from any collection of UTF-8 bytes (for example `Data`).
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>
        if let r = bytes.withContiguousStorageIfAvailable({ JSONParser.parseResult($0) }) {
            result = r
        } else {
            let array = Array(bytes)
            result = array.withUnsafeBufferPointer { JSONParser.parseResult($0) }
        }
        self = try result.get()
    }
}

/// A recursive-descent JSON parser over a byte buffer.
struct JSONParser {
    /// Deepest array/object nesting accepted.
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos: Int = 0
    private var depth: Int = 0
    /// Reused buffer for strings containing escapes.
    private var scratch: [UInt8] = []
    /// Members of the objects being parsed (innermost last).
    private var memberStack: [JSONObject.Element] = []
    /// Elements of the arrays being parsed (innermost last).
    private var valueStack: [JSONValue] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parseResult(
        _ bytes: UnsafeBufferPointer<UInt8>, keeping projection: JSONProjection = .all
    ) -> Result<JSONValue, JSONParseError> {
        do throws(JSONParseError) {
            return .success(try parse(bytes, keeping: projection))
        } catch {
            return .failure(error)
        }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping projection: JSONProjection = .all) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.pos = 3
        }
        parser.skipWhitespace()
        if parser.pos >= bytes.count {
            throw parser.error(at: parser.pos, "unexpected end of input, expected a JSON value")
        }
        let value = try parser.parseValue(keeping: projection)
        parser.skipWhitespace()
        if parser.pos < bytes.count {
            throw parser.unexpected(at: parser.pos, "after the JSON value (trailing data)")
        }
        return value
    }

    // MARK: Scanning helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard pos < bytes.count else {
            throw error(at: pos, "unexpected end of input, expected a value")
        }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw unexpected(at: pos, "where a value was expected")
        }
    }

    /// A value built as far as `projection` says: containers member by member, what it leaves out skipped (nil).
    private mutating func parseValue(keeping projection: JSONProjection?) throws(JSONParseError) -> JSONValue {
        guard let projection else {
            try skipValue()
            return .null
        }
        guard !projection.isAll, pos < bytes.count else { return try parseValue() }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject(keeping: projection)
        case UInt8(ascii: "["): return try parseArray(keeping: projection)
        default: return try parseValue()
        }
    }

    /// Reads and checks a value without building it (what a projection leaves out).
    private mutating func skipValue() throws(JSONParseError) {
        guard pos < bytes.count else {
            throw error(at: pos, "unexpected end of input, expected a value")
        }
        let open = bytes[pos]
        guard open == UInt8(ascii: "{") || open == UInt8(ascii: "[") else {
            _ = try parseValue()  // a scalar: nothing is kept
            return
        }
        let isObject = open == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try enter()
        pos += 1
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == close {
            pos += 1
            depth -= 1
            return
        }
        while true {
            guard pos < bytes.count else {
                throw error(
                    at: pos, isObject ? "unexpected end of input, expected an object key" : "unexpected end of input, expected a value")
            }
            if isObject {
                guard bytes[pos] == UInt8(ascii: "\"") else {
                    if bytes[pos] == close { throw error(at: pos, "trailing comma in object") }
                    throw unexpected(at: pos, "where an object key (a string) was expected")
                }
                _ = try parseString()
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                    throw error(
                        at: pos,
                        pos < bytes.count ? "expected ':' after object key" : "unexpected end of input, expected ':' after object key")
                }
                pos += 1
                skipWhitespace()
            } else if bytes[pos] == close {
                throw error(at: pos, "trailing comma in array")
            }
            try skipValue()
            skipWhitespace()
            guard pos < bytes.count else {
                throw error(
                    at: pos,
                    isObject
                        ? "unexpected end of input, expected ',' or '}' after object member"
                        : "unexpected end of input, expected ',' or ']' after array element")
            }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                skipWhitespace()
                continue
            }
            if bytes[pos] == close {
                pos += 1
                break
            }
            throw error(at: pos, isObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element")
        }
        depth -= 1
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for i in 0..<n {
            guard pos + i < bytes.count, bytes[pos + i] == w[i] else {
                throw error(at: pos, "invalid literal, expected '\(word)'")
            }
        }
        pos += n
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth {
            throw error(at: pos, "nesting too deep (more than \(Self.maxDepth) levels)")
        }
    }

    // MARK: Containers

    private mutating func parseObject(keeping projection: JSONProjection = .all) throws(JSONParseError) -> JSONValue {
        try enter()
        pos += 1  // '{'
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(JSONObject())
        }
        // Members accumulate on a stack shared by all objects; each object copies its
        // slice out once at the end (one exact-size allocation per object).
        let base = memberStack.count
        var keyIndex: [ExactKey: Int]?
        while true {
            guard pos < bytes.count else {
                throw error(at: pos, "unexpected end of input, expected an object key")
            }
            guard bytes[pos] == UInt8(ascii: "\"") else {
                if bytes[pos] == UInt8(ascii: "}") {
                    throw error(at: pos, "trailing comma in object")
                }
                throw unexpected(at: pos, "where an object key (a string) was expected")
            }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count else {
                throw error(at: pos, "unexpected end of input, expected ':' after object key")
            }
            guard bytes[pos] == UInt8(ascii: ":") else {
                throw error(at: pos, "expected ':' after object key")
            }
            pos += 1
            skipWhitespace()
            let value = projection.isAll ? try parseValue() : try parseValue(keeping: projection.member(key))

            if keyIndex != nil {
                let k = ExactKey(key)
                if let i = keyIndex?[k] {
                    memberStack[base + i].value = value
                } else {
                    keyIndex?[k] = memberStack.count - base
                    memberStack.append((key: key, value: value))
                }
            } else {
                var duplicate: Int?
                for i in base..<memberStack.count where exactStringEquals(memberStack[i].key, key) {
                    duplicate = i
                    break
                }
                if let duplicate {
                    memberStack[duplicate].value = value
                } else {
                    memberStack.append((key: key, value: value))
                    let count = memberStack.count - base
                    if count > JSONObject.indexThreshold {
                        var index = [ExactKey: Int](minimumCapacity: count * 2)
                        for i in base..<memberStack.count { index[ExactKey(memberStack[i].key)] = i - base }
                        keyIndex = index
                    }
                }
            }

            skipWhitespace()
            guard pos < bytes.count else {
                throw error(at: pos, "unexpected end of input, expected ',' or '}' after object member")
            }
            let b = bytes[pos]
            if b == UInt8(ascii: ",") {
                pos += 1
                skipWhitespace()
                continue
            }
            if b == UInt8(ascii: "}") {
                pos += 1
                break
            }
            throw error(at: pos, "expected ',' or '}' after object member")
        }
        let members = Array(memberStack[base...])
        memberStack.removeSubrange(base...)
        depth -= 1
        return .object(JSONObject(uniqueMembers: members, index: keyIndex))
    }

    private mutating func parseArray(keeping projection: JSONProjection = .all) throws(JSONParseError) -> JSONValue {
        try enter()
        pos += 1  // '['
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array([])
        }
        let base = valueStack.count
        while true {
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                throw error(at: pos, "trailing comma in array")
            }
            let element = projection.isAll ? try parseValue() : try parseValue(keeping: projection.element(valueStack.count - base))
            valueStack.append(element)
            skipWhitespace()
            guard pos < bytes.count else {
                throw error(at: pos, "unexpected end of input, expected ',' or ']' after array element")
            }
            let b = bytes[pos]
            if b == UInt8(ascii: ",") {
                pos += 1
                skipWhitespace()
                continue
            }
            if b == UInt8(ascii: "]") {
                pos += 1
                break
            }
            throw error(at: pos, "expected ',' or ']' after array element")
        }
        let elements = Array(valueStack[base...])
        valueStack.removeSubrange(base...)
        depth -= 1
        return .array(elements)
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONParseError) -> String {
        let quote = pos
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacterError(at: pos) }
            if b >= 0x80 {
                pos += try validateUTF8Sequence(at: pos)
            } else {
                pos += 1
            }
        }
        guard pos < bytes.count else {
            throw error(at: quote, "unterminated string")
        }
        // Slow path: copy into scratch, decoding escapes.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape()
                continue
            }
            if b < 0x20 { throw controlCharacterError(at: pos) }
            if b >= 0x80 {
                let n = try validateUTF8Sequence(at: pos)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<(pos + n)]))
                pos += n
            } else {
                scratch.append(b)
                pos += 1
            }
        }
        throw error(at: quote, "unterminated string")
    }

    private mutating func parseEscape() throws(JSONParseError) {
        let escapeStart = pos
        pos += 1  // '\'
        guard pos < bytes.count else {
            throw error(at: escapeStart, "unterminated string")
        }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw error(
                        at: escapeStart, "invalid surrogate: high surrogate \\u\(hex4(unit)) not followed by a low surrogate escape")
                }
                let lowStart = pos
                pos += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(at: lowStart, "invalid surrogate: \\u\(hex4(low)) is not a low surrogate after \\u\(hex4(unit))")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw error(at: escapeStart, "invalid surrogate: unpaired low surrogate \\u\(hex4(unit))")
            }
            appendUTF8(scalarValue)
        default:
            throw error(at: escapeStart, "invalid escape sequence '\\\(describeByte(c))'")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var v: UInt16 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else {
                throw error(at: escapeStart, "incomplete \\u escape")
            }
            let b = bytes[pos]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error(at: escapeStart, "invalid \\u escape: expected 4 hexadecimal digits")
            }
            v = v << 4 | UInt16(d)
            pos += 1
        }
        return v
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Validates the UTF-8 sequence starting at `i` (whose first byte is >= 0x80) and returns its length.
    private func validateUTF8Sequence(at i: Int) throws(JSONParseError) -> Int {
        if let n = utf8SequenceLength(at: i) { return n }
        throw invalidUTF8Error(at: i)
    }

    /// The length of the valid UTF-8 sequence at `i`, or `nil` when it is invalid.
    private func utf8SequenceLength(at i: Int) -> Int? {
        utf8SequenceCheck(at: i).length
    }

    /// Checks the UTF-8 sequence at `i`: its length when valid, otherwise the offset of the offending byte.
    private func utf8SequenceCheck(at i: Int) -> (length: Int?, badOffset: Int) {
        let b0 = bytes[i]
        let n: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b0 {
        case 0x00...0x7F: return (1, i)
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED: n = 3; hi = 0x9F
        case 0xF0: n = 4; lo = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; hi = 0x8F
        default: return (nil, i)
        }
        for k in 1..<n {
            guard i + k < bytes.count else { return (nil, i + k) }
            let b = bytes[i + k]
            let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
            guard b >= l, b <= h else { return (nil, i + k) }
        }
        return (n, i)
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < bytes.count, isDigit(bytes[pos]) else {
            throw error(at: pos, "expected a digit after '-'")
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) {
                throw error(at: start, "leading zeros are not allowed in numbers")
            }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) {
                significantDigits += 1
                if significantDigits <= 18 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[pos] - UInt8(ascii: "0"))
                }
                pos += 1
            }
        }
        var fractionDigits = 0
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error(at: pos, "expected a digit after '.' in number")
            }
            while pos < bytes.count, isDigit(bytes[pos]) {
                let d = bytes[pos] - UInt8(ascii: "0")
                if significantDigits > 0 || d != 0 { significantDigits += 1 }
                if significantDigits <= 18 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                }
                fractionDigits += 1
                pos += 1
            }
        }
        var exponent = 0
        var hasExponent = false
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            hasExponent = true
            pos += 1
            var expNegative = false
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
                expNegative = bytes[pos] == UInt8(ascii: "-")
                pos += 1
            }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error(at: pos, "expected a digit in number exponent")
            }
            while pos < bytes.count, isDigit(bytes[pos]) {
                if exponent < 100_000 {
                    exponent = exponent * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
                }
                pos += 1
            }
            if expNegative { exponent = -exponent }
        }

        // Fast path (exact): at most 15 significant digits and a small power of ten.
        if significantDigits <= 15 {
            let m = Double(mantissa)
            let e10 = (hasExponent ? exponent : 0) - fractionDigits
            var value: Double?
            if mantissa == 0 {
                value = 0
            } else if e10 == 0 {
                value = m
            } else if e10 > 0, e10 <= 22 {
                value = m * powersOfTen[e10]
            } else if e10 < 0, e10 >= -22 {
                value = m / powersOfTen[-e10]
            }
            if let value {
                return negative ? -value : value
            }
        }
        // Slow path: correctly rounded conversion by the standard library.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error(at: start, "number out of range: \(text)")
        }
        return value
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    // MARK: Errors

    private func error(at offset: Int, _ message: String) -> JSONParseError {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return JSONParseError(offset: offset, line: line, column: column, message: message)
    }

    private func invalidUTF8Error(at i: Int) -> JSONParseError {
        let bad = utf8SequenceCheck(at: i).badOffset
        if bad >= bytes.count {
            return error(at: i, "invalid UTF-8: truncated sequence at byte offset \(i)")
        }
        return error(at: bad, "invalid UTF-8 byte 0x\(hex2(bytes[bad])) at byte offset \(bad)")
    }

    private func controlCharacterError(at i: Int) -> JSONParseError {
        error(at: i, "unescaped control character U+00\(hex2(bytes[i])) in string")
    }

    /// "unexpected character 'x' <context>", or an invalid UTF-8 error, or end of input.
    private func unexpected(at i: Int, _ context: String) -> JSONParseError {
        guard i < bytes.count else {
            return error(at: i, "unexpected end of input")
        }
        let b = bytes[i]
        if b >= 0x80 {
            guard let n = utf8SequenceLength(at: i) else { return invalidUTF8Error(at: i) }
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self)
            return error(at: i, "unexpected character '\(s)' \(context)")
        }
        return error(at: i, "unexpected character '\(describeByte(b))' \(context)")
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return String(UnicodeScalar(b)) }
        return "U+00" + hex2(b)
    }
}

private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

private let hexDigitsUpper: [Character] = Array("0123456789ABCDEF")

func hex2(_ b: UInt8) -> String {
    String([hexDigitsUpper[Int(b >> 4)], hexDigitsUpper[Int(b & 0xF)]])
}

func hex4(_ v: UInt16) -> String {
    hex2(UInt8(v >> 8)) + hex2(UInt8(v & 0xFF))
}
