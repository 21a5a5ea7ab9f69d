/// RFC 9535 §2.7 Normalized Paths.
enum NormalizedPath {
    /// The Normalized Path of a node given its link from the root, e.g. `$['store']['book'][0]`.
    static func string(for link: PathLink?) -> String {
        guard let link else { return "$" }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        buffer.append(UInt8(ascii: "$"))
        append(link, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The Normalized Path for a list of components from the root.
    static func string(for components: [PathComponent]) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        buffer.append(UInt8(ascii: "$"))
        for component in components { append(component, to: &buffer) }
        return String(decoding: buffer, as: UTF8.self)
    }

    private static func append(_ link: PathLink, to buffer: inout [UInt8]) {
        // Iterative walk to the root, then emit in root-to-leaf order.
        var chain: [PathLink] = []
        var current: PathLink? = link
        while let l = current {
            chain.append(l)
            current = l.parent
        }
        for l in chain.reversed() { append(l.component, to: &buffer) }
    }

    private static func append(_ component: PathComponent, to buffer: inout [UInt8]) {
        switch component {
        case .index(let i):
            buffer.append(UInt8(ascii: "["))
            appendDecimal(i, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        case .name(let name):
            buffer.append(UInt8(ascii: "["))
            buffer.append(UInt8(ascii: "'"))
            appendEscaped(name, to: &buffer)
            buffer.append(UInt8(ascii: "'"))
            buffer.append(UInt8(ascii: "]"))
        }
    }

    private static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 {
            // Not produced for normalized paths (indices are resolved), kept for completeness.
            buffer.append(contentsOf: String(value).utf8)
            return
        }
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: [UInt8] = []
        var v = value
        while v > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        buffer.append(contentsOf: digits.reversed())
    }

    /// `normal-single-quoted`: escapes `'`, `\` and control characters (`\b \f \n \r \t`, else `\u00xx`).
    private static func appendEscaped(_ name: String, to buffer: inout [UInt8]) {
        for b in name.utf8 {
            switch b {
            case 0x08: buffer.append(0x5C); buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(0x5C); buffer.append(UInt8(ascii: "f"))
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            case 0x27: buffer.append(0x5C); buffer.append(0x27)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                buffer.append(hex[Int(b >> 4)])
                buffer.append(hex[Int(b & 0xF)])
            default:
                buffer.append(b)
            }
        }
    }
}
