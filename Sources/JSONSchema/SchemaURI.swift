import Foundation

/// URI references as JSON Schema uses them (RFC 3986 §5): a schema's `$id` and each `$ref` resolve against the base
/// URI in force, and a fragment is either a JSON Pointer (`#/…`) or a plain-name anchor.
enum SchemaURI {
    /// Whether `text` starts with a scheme (`https:`, `urn:`, `file:`).
    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `reference` resolved against `base`.
    static func resolve(_ reference: String, against base: String) -> String {
        if isAbsolute(reference) { return normalized(reference) }
        if reference.hasPrefix("#") { return withoutFragment(base) + reference }
        if reference.isEmpty { return withoutFragment(base) }
        let (baseNoFragment, _) = split(base)
        // URNs (and other non-hierarchical bases) take no relative path.
        guard let baseURL = URL(string: baseNoFragment), baseNoFragment.contains("://"),
            let resolved = URL(string: reference, relativeTo: baseURL)?.absoluteString
        else { return reference }
        return normalized(resolved)
    }

    /// `uri` without its fragment, and the fragment (percent-decoded; empty when there is none).
    static func split(_ uri: String) -> (String, String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        let fragment = String(uri[uri.index(after: hash)...])
        return (String(uri[..<hash]), fragment.removingPercentEncoding ?? fragment)
    }

    static func withoutFragment(_ uri: String) -> String { split(uri).0 }

    /// An empty fragment dropped (`…/schema#` is `…/schema`).
    static func normalized(_ uri: String) -> String {
        uri.hasSuffix("#") ? String(uri.dropLast()) : uri
    }

    /// The reference tokens of a JSON Pointer (`/a~1b/0` → `["a/b", "0"]`); nil when it is not one.
    static func pointerTokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// `tokens` as a JSON Pointer.
    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }
}
