extension JSONValue {
    /// Compact JSON text. Member order is kept; integral numbers within ±2^53 print
    /// without a fraction (`3599`), other numbers in their shortest round-trip form;
    /// strings are escaped per RFC 8259 (`"` and `\` escaped, control characters as
    /// `\b \f \n \r \t` or `\u00xx`, `/` not escaped). Non-finite numbers print as `null`.
    public var serialized: String {
        var out = JSONWriter(indent: nil)
        out.write(self, level: 0)
        return out.string
    }

    /// Multi-line JSON text indented by `indent` spaces per level (`"key": value`).
    public func prettyPrinted(indent: Int = 2) -> String {
        var out = JSONWriter(indent: max(0, indent))
        out.write(self, level: 0)
        return out.string
    }
}

/// Writes JSON text into a byte buffer.
struct JSONWriter {
    private var buffer: [UInt8] = []
    private let indent: Int?

    init(indent: Int?) {
        self.indent = indent
        buffer.reserveCapacity(256)
    }

    var string: String { String(decoding: buffer, as: UTF8.self) }

    private mutating func newline(level: Int) {
        guard let indent else { return }
        buffer.append(0x0A)
        let n = indent * level
        if n > 0 { buffer.append(contentsOf: repeatElement(0x20, count: n)) }
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let b):
            appendASCII(b ? "true" : "false")
        case .number(let n):
            writeNumber(n)
        case .string(let s):
            writeString(s)
        case .array(let a):
            if a.isEmpty {
                appendASCII("[]")
                return
            }
            buffer.append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(level: level + 1)
                write(e, level: level + 1)
            }
            newline(level: level)
            buffer.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty {
                appendASCII("{}")
                return
            }
            buffer.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                newline(level: level + 1)
                writeString(k)
                buffer.append(UInt8(ascii: ":"))
                if indent != nil { buffer.append(0x20) }
                write(v, level: level + 1)
            }
            newline(level: level)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    private mutating func appendASCII(_ s: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func writeNumber(_ n: Double) {
        buffer.append(contentsOf: formatJSONNumber(n).utf8)
    }

    mutating func writeString(_ s: String) {
        buffer.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
                if runStart < i {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                }
                runStart = i + 1
                buffer.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22: buffer.append(UInt8(ascii: "\""))
                case 0x5C: buffer.append(UInt8(ascii: "\\"))
                case 0x08: buffer.append(UInt8(ascii: "b"))
                case 0x0C: buffer.append(UInt8(ascii: "f"))
                case 0x0A: buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    buffer.append(UInt8(ascii: "u"))
                    buffer.append(UInt8(ascii: "0"))
                    buffer.append(UInt8(ascii: "0"))
                    buffer.append(hex[Int(b >> 4)])
                    buffer.append(hex[Int(b & 0xF)])
                }
            }
            if runStart < bytes.count {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}

/// Formats a number as JSON: integral values within ±2^53 without a fraction,
/// others in Swift's shortest round-trip form, non-finite values as `null`.
func formatJSONNumber(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == 0 { return n.sign == .minus ? "-0" : "0" }
    if n.magnitude <= 9_007_199_254_740_992, isIntegral(n) {
        return String(Int64(n))
    }
    // Swift prints at least two exponent digits ("1e-07"); JSON convention is "1e-7".
    let text = n.description
    guard let e = text.firstIndex(of: "e") else { return text }
    var exponent = text[text.index(after: e)...]
    var sign = ""
    if let first = exponent.first, first == "+" || first == "-" {
        sign = String(first)
        exponent = exponent.dropFirst()
    }
    let digits = exponent.drop { $0 == "0" }
    return String(text[...e]) + sign + (digits.isEmpty ? "0" : String(digits))
}
