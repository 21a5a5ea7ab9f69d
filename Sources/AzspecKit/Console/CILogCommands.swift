/// Keeps text azspec did not author from speaking to a CI agent. Every line azspec writes to the console passes here
/// (``OutputSink``), whether or not a CI system was detected; only azspec's own annotations skip it
/// (``OutputSink/command(_:)``).
///
/// The agents' own parsing rules (their sources):
/// - GitHub's runner (`actions/runner`, `ActionCommand.TryParseV2`): a line that starts with `::` once leading white
///   space is trimmed (.NET's `TrimStart`, which also trims U+0085, U+00A0, U+2028 and U+2029) is a workflow
///   command; `TryParse` also takes `##[name …]data` anywhere in a line.
/// - Azure Pipelines' agent (`Command.TryParse`): `##vso[area.event …]data` anywhere in a line; its web log reads
///   `##[group]`, `##[error]` and the like as formatting.
/// - Both split a process's output into lines at `\n`, `\r` and `\r\n` (`StreamReader.ReadLine`). ``TerminalText`` has
///   already shown every `\r` and other control as a visible escape, so `\n` is the only break left.
///
/// The escapes are visible and ASCII (zero-width characters may be ignored by .NET's culture-aware matching):
/// a line whose first non-blank characters are `::` gets a `\` between them (`:\:set-env`), and every `##[` and
/// `##vso[` (any case) gets one after the first `#` (`#\#vso[`).
enum CILogCommands {
    /// `text`, each of its lines unable to be read as a GitHub or Azure Pipelines command.
    static func neutralised(_ text: String) -> String {
        // Nearly every line holds neither `::` nor `##`: one pass over the bytes says so.
        guard mayHoldCommand(text.utf8) else { return text }
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { lines.append(Substring(neutralisedLine(line))) }
        return lines.joined(separator: "\n")
    }

    private static func mayHoldCommand(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if (byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#")) && previous == byte { return true }
            previous = byte
        }
        return false
    }

    private static func neutralisedLine(_ line: Substring) -> String {
        var scalars = Array(line.unicodeScalars)
        // `##[` and `##vso[`, anywhere: a `\` after the first `#`.
        var index = 0
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            if scalars[index] == "#", index + 1 < scalars.count, scalars[index + 1] == "#", opensCommand(scalars, at: index + 2) {
                out.append("#")
                out.append("\\")
                index += 1
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        scalars = Array(out)
        // `::` first after white space (as .NET trims it): a `\` between the colons.
        if let first = scalars.firstIndex(where: { !isTrimmedByDotNet($0) }), first + 1 < scalars.count, scalars[first] == ":",
            scalars[first + 1] == ":"
        {
            scalars.insert("\\", at: first + 1)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Whether `[` or `vso[` (any case) starts at `index`.
    private static func opensCommand(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        if scalars[index] == "[" { return true }
        guard index + 3 < scalars.count else { return false }
        let word = String(String.UnicodeScalarView(scalars[index..<index + 3])).lowercased()
        return word == "vso" && scalars[index + 3] == "["
    }

    /// .NET's `char.IsWhiteSpace`: the characters `TrimStart()` removes.
    static func isTrimmedByDotNet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
