/// Text made safe for a terminal: bytes a server sent (ANSI colours, OSC title sequences, BEL, NUL, carriage
/// returns that overwrite a line) and names a spec controls are shown as visible escapes (`\x1B`, `\r`, `\x00`,
/// `\u{9B}`). Only azspec's own colours (SGR sequences `ESC [ digits ; … m`) stay escapes, and only when colour
/// is on, which it is only on a terminal.
enum TerminalText {
    static func visible(_ text: String, keepingColours: Bool) -> String {
        // Nearly every line is clean: one pass over the bytes says so. (C1 controls are C2 80–C2 9F in UTF-8.)
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", keepingColours, let end = endOfColourSequence(scalars, from: index) {
                result.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            switch scalar.value {
            case 0x0A, 0x09: result.append(scalar)
            case 0x0D: result.append(contentsOf: "\\r".unicodeScalars)
            case 0x00..<0x20, 0x7F:
                result.append(contentsOf: "\\x\(hex(scalar.value, width: 2))".unicodeScalars)
            case 0x80...0x9F:
                result.append(contentsOf: "\\u{\(hex(scalar.value, width: 2))}".unicodeScalars)
            default: result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// The index after an SGR sequence (`ESC [` digits and `;`, then `m`) starting at `start`, or nil.
    private static func endOfColourSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, scalars[index] == ";" || ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "m", index - start <= 12 else { return nil }
        return index + 1
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
