import AzspecCore
import Hummingbird

/// The decoded query of a request (`+` read as a space, as form encoders write it).
struct QueryParameters: Sendable {
    private let pairs: [(String, String)]

    init(_ request: Request) {
        pairs = request.uri.query.map { PercentEncoding.pairs($0, plusAsSpace: true) } ?? []
    }

    /// The first value of `name` (exact name); empty values count as missing.
    subscript(name: String) -> String? {
        guard let value = pairs.first(where: { $0.0 == name })?.1, !value.isEmpty else { return nil }
        return value
    }
}
