import Foundation

/// The base64 and base64url forms of a secret, which no character-by-character escaping describes: for each of the
/// three byte alignments a secret can have inside a longer encoded value (`base64("client:" + secret)`, a Basic
/// header), the middle of its encoding that depends on the secret's bytes alone. (Escaped forms are
/// ``SecretPattern``'s.)
enum SecretForms {
    /// Base64 forms shorter than this are not masked: they would mask ordinary text.
    static let minimumEncodedLength = 8

    /// For each alignment (0, 1, 2 bytes before the secret), the characters of its base64 and base64url encodings
    /// that depend on the secret's bytes alone.
    static func base64Cores(of bytes: [UInt8]) -> [String] {
        guard bytes.count >= 6 else { return [] }
        var cores: [String] = []
        for offset in 0..<3 {
            let padded = [UInt8](repeating: 0, count: offset) + bytes
            let encoded = Array(Data(padded).base64EncodedString().utf8)
            // Characters fully determined by the secret: skip those touched by the padding bytes before it…
            let first = (offset * 8 + 5) / 6
            // …and by whatever follows it (the last partial group).
            let last = (padded.count * 8) / 6
            guard last - first >= minimumEncodedLength else { continue }
            let core = encoded[first..<last]
            cores.append(String(decoding: core, as: UTF8.self))
            // base64url: `-` for `+`, `_` for `/`.
            let url = core.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }
            cores.append(String(decoding: url, as: UTF8.self))
        }
        return cores
    }
}
