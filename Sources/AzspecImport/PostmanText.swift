import AzspecCore

extension JSONValue {
    /// The value as Postman would put it into a request: strings as they are, other scalars as JSON text, null empty.
    var postmanText: String {
        switch self {
        case .string(let text): text
        case .null: ""
        default: serialized
        }
    }
}

extension JSONValue {
    /// How deeply arrays and objects nest (a scalar is 0), counted no further than `limit + 1`.
    func nesting(limit: Int) -> Int {
        guard limit >= 0 else { return 1 }
        switch self {
        case .array(let items): return 1 + (items.lazy.map { $0.nesting(limit: limit - 1) }.max() ?? 0)
        case .object(let object): return 1 + (object.values.lazy.map { $0.nesting(limit: limit - 1) }.max() ?? 0)
        default: return 0
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmingWhitespace: String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// The text, or nil when it is empty or only white space.
    var ifNotBlank: String? {
        allSatisfy(\.isWhitespace) ? nil : self
    }
}
