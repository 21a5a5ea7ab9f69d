import JSONPath

/// Conveniences for the emulator's response bodies and token claims on top of the package's JSON model.
extension JSONValue {
    /// A number from a whole value (JWT times, expiry seconds, error codes).
    static func int(_ value: Int) -> JSONValue {
        .number(Double(value))
    }

    /// The value as a whole number when it is a number without a fraction (and small enough to be exact).
    var intValue: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// Parses JSON bytes; nil when they are not JSON.
    static func parsed(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONValue(parsing: bytes)
    }
}
