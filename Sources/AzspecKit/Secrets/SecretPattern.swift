/// One secret as the redactor looks for it: each of its characters may stand as itself or in any of the escaped
/// forms a serializer, an encoder or a formatter writes, mixed freely in one occurrence:
///
/// - percent-encoded UTF-8 (`%2F` or `%2f`, RFC 3986 and form encoding alike), and `+` for a space;
/// - JSON escapes: `\"`, `\\`, `\/` (PHP, older .NET), `\n` `\r` `\t` `\b` `\f`, and `\uXXXX` in either case, with
///   surrogate pairs for characters beyond the BMP (Python's `ensure_ascii`);
/// - Swift's escapes as `String(reflecting:)` and `debugDescription` print them: `\0`, `\'`, `\u{1B}`.
///
/// So `client_secret=a%2Fb`, `{"token":"a\/b"}` and `"a\u{2F}b"` are all the secret `a/b`, whichever encoder wrote
/// them, and no list of encoders needs to be complete.
struct SecretPattern: Sendable {
    /// For each character of the secret, the byte sequences it may appear as, longest first.
    let alternatives: [[[UInt8]]]
    /// Every byte an occurrence may start with.
    let firstBytes: Set<UInt8>
    /// The secret's UTF-8, and where each character starts in it (one more entry for the end): the fast path
    /// compares these directly and looks at the escaped forms only where the text holds `%`, `\\` or `+`.
    private let literal: [UInt8]
    private let offsets: [Int]
    /// Characters that are themselves an escape introducer (`%`, `\\`, `+`): their escaped forms are tried first.
    private let introducers: Set<Int>

    init(_ secret: String) {
        var alternatives: [[[UInt8]]] = []
        var offsets = [0]
        var introducers: Set<Int> = []
        for (index, scalar) in secret.unicodeScalars.enumerated() {
            offsets.append(offsets[index] + String(scalar).utf8.count)
            if scalar == "%" || scalar == "\\" || scalar == "+" { introducers.insert(index) }
            var forms: [[UInt8]] = [Array(String(scalar).utf8)]
            func add(_ text: String) {
                let bytes = Array(text.utf8)
                if !forms.contains(bytes) { forms.append(bytes) }
            }
            let utf8 = Array(String(scalar).utf8)
            add(utf8.map { "%" + Self.hex($0, width: 2, uppercase: true) }.joined())
            add(utf8.map { "%" + Self.hex($0, width: 2, uppercase: false) }.joined())
            if scalar == " " { add("+") }
            switch scalar {
            case "\"": add("\\\"")
            case "\\": add("\\\\")
            case "/": add("\\/")
            case "'": add("\\'")
            case "\n": add("\\n")
            case "\r": add("\\r")
            case "\t": add("\\t")
            case "\u{08}": add("\\b")
            case "\u{0C}": add("\\f")
            case "\0": add("\\0")
            default: break
            }
            for uppercase in [false, true] {
                add(String(scalar).utf16.map { "\\u" + Self.hex(UInt32($0), width: 4, uppercase: uppercase) }.joined())
                add("\\u{" + Self.hex(scalar.value, width: 1, uppercase: uppercase) + "}")
            }
            forms.sort { $0.count > $1.count }
            alternatives.append(forms)
        }
        self.alternatives = alternatives
        self.firstBytes = Set(alternatives.first?.compactMap(\.first) ?? [])
        self.literal = Array(secret.utf8)
        self.offsets = offsets
        self.introducers = introducers
    }

    /// The length in bytes of an occurrence of the whole secret starting at `start`, or nil.
    func match(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var position = start
        let count = bytes.count
        return literal.withUnsafeBufferPointer { literal -> Int? in
            for index in 0..<(offsets.count - 1) {
                let from = offsets[index]
                let length = offsets[index + 1] - from
                if !introducers.contains(index), position + length <= count {
                    var equal = true
                    for offset in 0..<length where bytes[position + offset] != literal[from + offset] {
                        equal = false
                        break
                    }
                    if equal {
                        position += length
                        continue
                    }
                }
                guard position < count else { return nil }
                let byte = bytes[position]
                guard introducers.contains(index) || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "+")
                else { return nil }
                guard let formLength = Self.form(of: alternatives[index], in: bytes, at: position) else { return nil }
                position += formLength
            }
            return position - start
        }
    }

    /// How many characters of the secret stand from `start` up to exactly `end` (an occurrence cut at `end`), or 0.
    func prefixLength(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        var matched = 0
        for forms in alternatives {
            if position == end { return matched }
            guard let length = Self.form(of: forms, in: bytes, at: position, limit: end) else {
                // Cut inside this character's escape (`%2` of `%2F`): what is left starts one of its forms.
                let rest = end - position
                let cutInside = forms.contains { form in
                    form.count > rest && (0..<rest).allSatisfy { bytes[position + $0] == form[$0] }
                }
                return cutInside ? matched : 0
            }
            position += length
            matched += 1
        }
        return position == end ? matched : 0
    }

    /// The length of the first of `forms` found at `position` (before `limit`), or nil.
    private static func form(of forms: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>, at position: Int, limit: Int? = nil) -> Int? {
        let end = limit ?? bytes.count
        for form in forms where form.count <= end - position {
            var equal = true
            for (offset, byte) in form.enumerated() where bytes[position + offset] != byte {
                equal = false
                break
            }
            if equal { return form.count }
        }
        return nil
    }

    private static func hex(_ value: UInt32, width: Int, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func hex(_ value: UInt8, width: Int, uppercase: Bool) -> String {
        hex(UInt32(value), width: width, uppercase: uppercase)
    }
}
