import Foundation

/// Replaces every occurrence of known secret values with `***`.
///
/// Every piece of text that leaves azspec (console, `--verbose`, JUnit) passes through one redactor that holds
/// the run's secrets: client secrets from `env`, values captured from `access_token`, `Authorization` headers.
public struct Redactor: Sendable {
    /// The text that stands in for a secret.
    public static let mask = "***"
    /// Values shorter than this are not treated as secrets (they would mask ordinary words).
    public static let minimumLength = 4

    /// The secrets' UTF-8 bytes, longest first so that a secret containing another is masked whole.
    private var secrets: [[UInt8]]
    /// The same secrets as strings: most `add` calls repeat one already known (the bearer token of every request).
    private var known: Set<String>

    public init(secrets: some Sequence<String> = []) {
        self.secrets = []
        self.known = []
        for secret in secrets { add(secret) }
    }

    /// Remembers a secret value; later `redact` calls mask it.
    public mutating func add(_ secret: String) {
        guard !known.contains(secret), secret.count >= Self.minimumLength else { return }
        known.insert(secret)
        secrets.append(Array(secret.utf8))
        secrets.sort { $0.count > $1.count }
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every known secret replaced by ``mask``.
    ///
    /// Every string azspec writes passes through here, so the common case (no secret in the text) is a byte search
    /// per secret (`memchr`/`memcmp`), with no copy and no Foundation string search.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var text = text
        let found: Bool = text.withUTF8 { haystack in secrets.contains { Self.firstIndex(of: $0, in: haystack) != nil } }
        guard found else { return text }
        var bytes = Array(text.utf8)
        for secret in secrets {
            bytes = bytes.withUnsafeBufferPointer { Self.replacing(secret, in: $0) } ?? bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where `needle` starts in `haystack`, or nil: `memchr` to each candidate first byte, `memcmp` to confirm.
    private static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var offset = 0
        return needle.withUnsafeBufferPointer { needleBytes -> Int? in
            guard let needleBase = needleBytes.baseAddress else { return nil }
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + position, needleBase, needle.count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }

    /// `haystack` with every `needle` replaced by the mask, or nil when there is none.
    private static func replacing(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var match = firstIndex(of: needle, in: haystack) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(haystack.count)
        var start = 0
        while true {
            result.append(contentsOf: haystack[start..<(start + match)])
            result.append(contentsOf: mask.utf8)
            start += match + needle.count
            let rest = UnsafeBufferPointer(rebasing: haystack[start...])
            guard let next = firstIndex(of: needle, in: rest) else { break }
            match = next
        }
        result.append(contentsOf: haystack[start...])
        return result
    }
}
