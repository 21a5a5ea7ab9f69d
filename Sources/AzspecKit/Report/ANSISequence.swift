/// What the report escapers share about terminal text: where an ANSI escape sequence ends (so that it can be dropped
/// whole) and how a forbidden character is shown instead (`\u001B`).
enum ANSISequence {
    static let escape: Unicode.Scalar = "\u{1B}"

    /// `\u` followed by at least four upper-case hex digits.
    static func visibleReplacement(for scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The index just past the escape sequence that starts with the `ESC` at `start`.
    ///
    /// A malformed CSI loses only the bytes read so far; an OSC without terminator loses only `ESC ]`, so that the
    /// text after it stays visible.
    static func end(in scalars: [Unicode.Scalar], at start: Int) -> Int {
        let introducer = start + 1
        guard introducer < scalars.count else { return introducer }
        switch scalars[introducer] {
        case "[":
            var index = introducer + 1
            while index < scalars.count, (0x30...0x3F).contains(scalars[index].value) { index += 1 }
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { return index + 1 }
            return index
        case "]":
            var index = introducer + 1
            while index < scalars.count {
                switch scalars[index] {
                case "\u{07}":
                    return index + 1
                case escape:
                    let next = index + 1
                    return next < scalars.count && scalars[next] == "\\" ? next + 1 : index
                default:
                    index += 1
                }
            }
            return introducer + 1
        default:
            return introducer
        }
    }

    /// The scalars without ANSI escape sequences, every scalar `allowed` refuses shown as `\u{…}` text; with
    /// `foldingCarriageReturns`, a lone CR becomes LF and CR LF becomes LF (the one loop the XML and HTML escapers share).
    static func cleaned(
        _ text: String, foldingCarriageReturns: Bool, allowed: (Unicode.Scalar) -> Bool
    ) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == escape {
                index = end(in: scalars, at: index)
                continue
            }
            if foldingCarriageReturns, scalar == "\r" {
                if index + 1 >= scalars.count || scalars[index + 1] != "\n" { result.append("\n") }
            } else if allowed(scalar) {
                result.append(scalar)
            } else {
                result.append(contentsOf: visibleReplacement(for: scalar).unicodeScalars)
            }
            index += 1
        }
        return String(result)
    }
}
