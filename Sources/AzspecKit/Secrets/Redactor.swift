import Foundation

/// Masks secrets in text: every known secret in each of its forms (``SecretForms``), anything shaped like a JWT
/// even if it was never registered, and the start of a secret left at a cut (`eyJ0eXAiOiJKV1Qi…`).
///
/// Every piece of text that leaves azspec (console, `--verbose`, JUnit) passes through a redactor that holds the
/// run's secrets, and values are redacted *before* they are cut, quoted or escaped: ``clip(_:lines:characters:)``
/// and ``truncate(_:to:)`` are the only ways azspec shortens text, and both redact first.
public struct Redactor: Sendable {
    /// The text that stands in for a secret.
    public static let mask = "***"
    /// Values shorter than this are not treated as secrets (they would mask ordinary words).
    public static let minimumLength = 4
    /// What ends text that was cut.
    public static let cutMarker = "…"
    /// A secret's first characters this long, left just before a cut marker, are masked too.
    static let fragmentLength = 6

    /// Every form of every secret, as UTF-8.
    private var needles: [[UInt8]] = []
    /// For each first byte, the needles starting with it, longest first.
    private var byFirstByte: [[Int]] = Array(repeating: [], count: 256)
    /// The secrets added so far: most `add` calls repeat one already known (the bearer token of every request).
    private var known: Set<String> = []

    public init(secrets: some Sequence<String> = []) {
        for secret in secrets { add(secret) }
    }

    /// Remembers a secret value; later `redact` calls mask it in every form.
    public mutating func add(_ secret: String) {
        guard secret.utf8.count >= Self.minimumLength, known.insert(secret).inserted else { return }
        for form in SecretForms.all(of: secret) {
            let bytes = Array(form.utf8)
            guard !needles.contains(bytes) else { continue }
            needles.append(bytes)
            let index = needles.count - 1
            var bucket = byFirstByte[Int(bytes[0])]
            bucket.append(index)
            bucket.sort { needles[$0].count > needles[$1].count }
            byFirstByte[Int(bytes[0])] = bucket
        }
    }

    public var isEmpty: Bool { needles.isEmpty }

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
        let text = redact(text)
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
        return cut ? redact(result + "\n\(Self.cutMarker) (\(text.count) characters in all)") : result
    }

    /// The redacted text cut to `limit` characters, ending in ``cutMarker`` when cut.
    public func truncate(_ text: String, to limit: Int) -> String {
        let text = redact(text)
        guard text.count > limit else { return text }
        return redact(String(text.prefix(max(0, limit - 1))) + Self.cutMarker)
    }

    // MARK: Scanning

    /// The masked bytes, or nil when there is nothing to mask.
    private func masked(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8]?
        var index = 0
        var copied = 0
        let count = bytes.count
        while index < count {
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
        guard !needles.isEmpty, Self.containsCutMarker(bytes) else { return output }
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

    /// The length of the secret form or JWT-shaped token starting at `index`, or 0.
    private func matchLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let first = bytes[index]
        for needleIndex in byFirstByte[Int(first)] {
            let needle = needles[needleIndex]
            guard needle.count <= bytes.count - index else { continue }
            let equal = needle.withUnsafeBufferPointer { needleBytes in
                needleBytes.baseAddress.map { memcmp(base + index, $0, needle.count) == 0 } ?? false
            }
            if equal { return needle.count }
        }
        if first == UInt8(ascii: "e") { return Self.jwtLength(in: bytes, at: index) }
        return 0
    }

    /// The length of a JWT-shaped token at `index`: `eyJ` (base64url of `{"`), a header segment, and a dot with a
    /// claims segment (and optionally a signature), or a long header alone (a token cut after its header). 0 when
    /// there is none; text inside a longer word does not count.
    static func jwtLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard bytes.count - index >= 10, bytes[index + 1] == UInt8(ascii: "y"), bytes[index + 2] == UInt8(ascii: "J") else {
            return 0
        }
        if index > 0, isBase64URL(bytes[index - 1]) { return 0 }
        func segment(from start: Int) -> Int {
            var end = start
            while end < bytes.count, isBase64URL(bytes[end]) { end += 1 }
            return end - start
        }
        let header = segment(from: index)
        var end = index + header
        guard header >= 10 else { return 0 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "."), segment(from: end + 1) >= 2 {
            end += 1 + segment(from: end + 1)
            if end < bytes.count, bytes[end] == UInt8(ascii: ".") { end += 1 + segment(from: end + 1) }
            return end - index
        }
        return header >= 20 ? header : 0
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// Masks the start of a secret form left just before a cut marker (text cut by someone who did not redact it
    /// first); nil when there is no marker or nothing to mask.
    private func maskingFragmentsAtCuts(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        let marker = Array(Self.cutMarker.utf8)
        guard !needles.isEmpty, bytes.count > marker.count else { return nil }
        var result = Array(bytes)
        var changed = false
        var position = result.count - marker.count
        while position >= Self.fragmentLength {
            if result[position] == marker[0], Array(result[position..<(position + marker.count)]) == marker {
                var longest = 0
                for needle in needles where needle.count > Self.fragmentLength {
                    var length = min(needle.count - 1, position)
                    while length > longest, length >= Self.fragmentLength {
                        if result[(position - length)..<position].elementsEqual(needle[0..<length]) {
                            longest = length
                            break
                        }
                        length -= 1
                    }
                }
                if longest > 0 {
                    result.replaceSubrange((position - longest)..<position, with: Self.mask.utf8)
                    position -= longest
                    changed = true
                }
            }
            position -= 1
        }
        return changed ? result : nil
    }
}
