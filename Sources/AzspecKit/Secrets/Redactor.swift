import AzspecCore
import Foundation

/// Masks secrets in text: every known secret however it is escaped or encoded (``SecretPattern``, ``SecretForms``),
/// anything shaped like a JWT even if it was never registered, and the start of a secret left at a cut
/// (`eyJ0eXAiOiJKV1Qi…`).
///
/// Every piece of text that leaves azspec (console, `--verbose`, JUnit) passes through a redactor that holds the
/// run's secrets, and values are redacted *before* they are cut, quoted or escaped: ``clip(_:lines:characters:)``
/// and ``truncate(_:to:)`` are the only ways azspec shortens text, and both redact first.
public struct Redactor: Sendable {
    /// The text that stands in for a secret.
    public static let mask = "***"
    /// Values shorter than this (in UTF-8 bytes) are not treated as secrets: they would mask ordinary words. Entra
    /// ID client secrets are 40 characters, tokens far longer.
    public static let minimumLength = 8
    /// What ends text that was cut.
    public static let cutMarker = "…"
    /// A secret's first characters this long, left just before a cut marker, are masked too.
    static let fragmentLength = 6

    /// Each secret, matched in any escaped form.
    private var patterns: [SecretPattern] = []
    /// For each byte, the patterns an occurrence may start with it, longest secret first.
    private var patternsByFirstByte: [[Int]] = Array(repeating: [], count: 256)
    /// The secrets as written, matched exactly (a secret holding an escape introducer reads first as an escape).
    private var needles: [[UInt8]] = []
    /// For each first byte, the needles starting with it, longest first.
    private var needlesByFirstByte: [[Int]] = Array(repeating: [], count: 256)
    /// The secrets added so far: most `add` calls repeat one already known (the bearer token of every request).
    private var known: Set<String> = []
    /// The pairs of bytes any occurrence may start with (a 65,536-bit set): most positions of most text are passed
    /// over after one lookup. JWT shapes start `ey`.
    private var startPairs = [UInt64](repeating: 0, count: 1024)
    /// The most characters a secret has: a fragment before a cut is looked for at most this far back (12 bytes a
    /// character, the longest escape), and never more than 1 KiB.
    private var longestSecret = 0

    public init(secrets: some Sequence<String> = []) {
        markPair(UInt8(ascii: "e"), UInt8(ascii: "y"))
        for secret in secrets { add(secret) }
    }

    private mutating func markPair(_ first: UInt8, _ second: UInt8) {
        let bit = Int(first) << 8 | Int(second)
        startPairs[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    private func startsPair(_ first: UInt8, _ second: UInt8) -> Bool {
        let bit = Int(first) << 8 | Int(second)
        return startPairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Remembers a secret value; later `redact` calls mask it in every form.
    public mutating func add(_ secret: String) {
        guard secret.utf8.count >= Self.minimumLength, known.insert(secret).inserted else { return }
        addPattern(secret)
        // Its base64 forms are patterns too, so that one escaped again (`\/` in JSON, `%2B`) is still masked.
        for form in SecretForms.base64Cores(of: Array(secret.utf8)) where known.insert(form).inserted { addPattern(form) }
        // The secret itself, exactly, as well: a secret holding `%25` or `\\\\` reads first as an escape.
        let bytes = Array(secret.utf8)
        needles.append(bytes)
        needlesByFirstByte[Int(bytes[0])].append(needles.count - 1)
        needlesByFirstByte[Int(bytes[0])].sort { needles[$0].count > needles[$1].count }
    }

    private mutating func addPattern(_ secret: String) {
        let pattern = SecretPattern(secret)
        patterns.append(pattern)
        let literal = Array(secret.utf8)
        markPair(literal[0], literal[1])
        // …and a raw first character followed by an escaped second one.
        markPair(literal[0], UInt8(ascii: "%"))
        markPair(literal[0], UInt8(ascii: "\\"))
        if literal[1] == UInt8(ascii: " ") { markPair(literal[0], UInt8(ascii: "+")) }
        longestSecret = max(longestSecret, pattern.count)
        // An escaped first character starts `%` + a hex digit, `\\` + anything, or `+` for a space.
        for digit in Array("0123456789abcdefABCDEF".utf8) { markPair(UInt8(ascii: "%"), digit) }
        for byte in 0...255 { markPair(UInt8(ascii: "\\"), UInt8(byte)) }
        if literal[0] == UInt8(ascii: " ") { for byte in 0...255 { markPair(UInt8(ascii: "+"), UInt8(byte)) } }
        for byte in pattern.firstBytes {
            patternsByFirstByte[Int(byte)].append(patterns.count - 1)
            patternsByFirstByte[Int(byte)].sort { patterns[$0].count > patterns[$1].count }
        }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The text with every secret form and every JWT-shaped token replaced by ``mask``.
    ///
    /// One pass over the bytes; text with nothing to mask comes back as it was, without a copy.
    public func redact(_ text: String) -> String {
        var text = text
        let result: [UInt8]? = text.withUTF8 { bytes in masked(bytes) }
        guard let result else { return text }
        return String(decoding: result, as: UTF8.self)
    }

    /// At most `lines` lines and `characters` characters of the *redacted* text, with a marker saying how much
    /// was cut.
    public func clip(_ text: String, lines maxLines: Int, characters: Int) -> String {
        let total = text.utf8.count
        let text = redact(window(of: text, characters: characters))
        var result = text
        var cut = false
        if result.count > characters {
            result = String(result.prefix(characters))
            cut = true
        }
        let split = result.split(separator: "\n", omittingEmptySubsequences: false)
        if split.count > maxLines {
            result = split.prefix(maxLines).joined(separator: "\n")
            cut = true
        }
        return cut ? redact(result + "\n\(Self.cutMarker) (\(total) bytes in all)") : result
    }

    /// The redacted text cut to `limit` characters, ending in ``cutMarker`` when cut.
    public func truncate(_ text: String, to limit: Int) -> String {
        let text = redact(window(of: text, characters: limit))
        guard text.count > limit else { return text }
        return redact(String(text.prefix(max(0, limit - 1))) + Self.cutMarker)
    }

    /// As much of `text` as a cut to `characters` can show, and room after it for a whole secret in its longest
    /// escaped form or an unregistered JWT (64 KiB at least), so that one across the cut is still found whole: a
    /// 50 MB body shown in a failure is redacted as far as its first kilobytes, not to its end. Shorter text is
    /// returned as it is.
    private func window(of text: String, characters: Int) -> String {
        let room = characters * 4 + max(12 * longestSecret, 64 * 1024)
        guard text.utf8.count > room else { return text }
        return String(decoding: text.utf8.prefix(room), as: UTF8.self)
    }

    // MARK: Scanning

    /// The masked bytes, or nil when there is nothing to mask.
    private func masked(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8]?
        var index = 0
        var copied = 0
        let count = bytes.count
        while index < count {
            guard index + 1 < count, startsPair(bytes[index], bytes[index + 1]) else {
                index += 1
                continue
            }
            let length = matchLength(in: bytes, at: index)
            guard length > 0 else {
                index += 1
                continue
            }
            if output == nil {
                output = []
                output?.reserveCapacity(count)
            }
            output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            output?.append(contentsOf: Self.mask.utf8)
            index += length
            copied = index
        }
        if output != nil { output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count])) }
        guard !patterns.isEmpty, Self.containsCutMarker(bytes) else { return output }
        return maskingFragmentsAtCuts(output.map { $0[...] } ?? Array(bytes)[...]) ?? output
    }

    private static func containsCutMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // U+2026 is E2 80 A6 in UTF-8.
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 { return true }
            index += 1
        }
        return false
    }

    /// The length of the secret (in any form) or JWT-shaped token starting at `index`, or 0.
    private func matchLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        for patternIndex in patternsByFirstByte[Int(first)] {
            if let length = patterns[patternIndex].match(in: bytes, at: index) { return length }
        }
        if let base = bytes.baseAddress {
            for needleIndex in needlesByFirstByte[Int(first)] {
                let needle = needles[needleIndex]
                guard needle.count <= bytes.count - index else { continue }
                let equal = needle.withUnsafeBufferPointer { needleBytes in
                    needleBytes.baseAddress.map { memcmp(base + index, $0, needle.count) == 0 } ?? false
                }
                if equal { return needle.count }
            }
        }
        if first == UInt8(ascii: "e") { return Self.jwtLength(in: bytes, at: index) }
        return 0
    }

    /// The length of a JWT-shaped token at `index`: `eyJ` (base64url of `{"`) starting a base64url run of at
    /// least 12 characters, with any further segments joined by `.` (or `%2E`, percent-encoded). A header alone is
    /// masked too: a token cut after its header is still a token's start. 0 when there is none; text inside a
    /// longer word does not count.
    static func jwtLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard bytes.count - index >= 12, bytes[index + 1] == UInt8(ascii: "y"), bytes[index + 2] == UInt8(ascii: "J") else {
            return 0
        }
        if index > 0, isBase64URL(bytes[index - 1]), !isEncodedDot(in: bytes, endingAt: index) { return 0 }
        func segment(from start: Int) -> Int {
            var end = start
            while end < bytes.count, isBase64URL(bytes[end]) { end += 1 }
            return end - start
        }
        let header = segment(from: index)
        guard header >= 12 else { return 0 }
        if separatorLength(in: bytes, at: index + header) == 0, isOperationId(bytes, at: index) { return 0 }
        var end = index + header
        for _ in 0..<4 {
            let separator = separatorLength(in: bytes, at: end)
            guard separator > 0 else { break }
            let next = segment(from: end + separator)
            guard next > 0 else { break }
            end += separator + next
        }
        return end - index
    }

    /// Whether the lone base64url run at `index` is an ARM operation id: base64url of `{"jobId":…}`, as ARM puts it in
    /// polling URLs (`operationresults/eyJqb2JJZCI6…`). Shown, so that a log of the polls can be followed; any other
    /// lone `eyJ…` segment (a JWT cut after its header, or encoded JSON that may hold a credential) is still masked.
    static func isOperationId(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let prefix = Array("eyJqb2JJZCI6".utf8)  // {"jobId":
        guard bytes.count - index >= prefix.count else { return false }
        return prefix.indices.allSatisfy { bytes[index + $0] == prefix[$0] }
    }

    /// 1 for `.`, 3 for `%2E` / `%2e` at `index`, else 0.
    private static func separatorLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == UInt8(ascii: ".") { return 1 }
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "%"), bytes[index + 1] == UInt8(ascii: "2"),
            bytes[index + 2] | 0x20 == UInt8(ascii: "e")
        {
            return 3
        }
        return 0
    }

    private static func isEncodedDot(in bytes: UnsafeBufferPointer<UInt8>, endingAt index: Int) -> Bool {
        index >= 3 && separatorLength(in: bytes, at: index - 3) == 3
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// Masks the start of a secret (in any form) left just before a cut marker by code that cut before it
    /// redacted; nil when there is nothing to mask.
    private func maskingFragmentsAtCuts(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        let marker = Array(Self.cutMarker.utf8)
        var result = Array(bytes)
        var changed = false
        var position = result.count - marker.count
        var markers = 0
        while position >= Self.fragmentLength, markers < 256 {
            if result[position] == marker[0], result[position..<(position + marker.count)].elementsEqual(marker) {
                markers += 1
                let start = result.withUnsafeBufferPointer { buffer in fragmentStart(in: buffer, before: position) }
                if let start {
                    result.replaceSubrange(start..<position, with: Self.mask.utf8)
                    position = start
                    changed = true
                }
            }
            position -= 1
        }
        return changed ? result : nil
    }

    /// Where the longest fragment of a secret (at least ``fragmentLength`` characters, not the whole secret) that
    /// ends at `end` starts, looking back at most 1 KiB; nil when there is none.
    private func fragmentStart(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var start = max(0, end - min(1024, 12 * longestSecret))
        while start <= end - Self.fragmentLength {
            for pattern in patterns where pattern.firstBytes.contains(bytes[start]) {
                if pattern.prefixLength(in: bytes, from: start, to: end) >= Self.fragmentLength { return start }
            }
            start += 1
        }
        return nil
    }
}
