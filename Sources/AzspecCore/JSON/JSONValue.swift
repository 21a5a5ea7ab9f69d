/// A JSON value (RFC 8259). Objects keep their member order.
///
/// Equality follows JSON semantics: numbers compare numerically, strings compare
/// by their exact Unicode scalar sequence (no canonical-equivalence folding), and
/// objects compare by their members regardless of order.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case let (.bool(a), .bool(b)):
            return a == b
        case let (.number(a), .number(b)):
            return a == b
        case let (.string(a), .string(b)):
            return exactStringEquals(a, b)
        case let (.array(a), .array(b)):
            return a == b
        case let (.object(a), .object(b)):
            return a == b
        default:
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2 as UInt8)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(3 as UInt8)
            hashExactString(s, into: &hasher)
        case .array(let a):
            hasher.combine(4 as UInt8)
            hasher.combine(a)
        case .object(let o):
            hasher.combine(5 as UInt8)
            hasher.combine(o)
        }
    }
}

extension JSONValue {
    /// The JSON type name: `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// `true` for a `.number` whose value is integral (and finite).
    public var isInteger: Bool {
        if case .number(let n) = self {
            return isIntegral(n)
        }
        return false
    }

    /// The member named `key` when this is an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` when this is an array and the index is in range, else `nil`.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }

    /// The string when this is `.string`, else `nil`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number when this is `.number`, else `nil`.
    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The elements when this is `.array`, else `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object when this is `.object`, else `nil`.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The boolean when this is `.bool`, else `nil`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    /// An object with the members in the literal's order (a repeated key: the last value, at the first position).
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

// MARK: - Exact string comparison

extension JSONValue {
    /// A number from a whole value (JWT times, expiry seconds, error codes).
    public static func int(_ value: Int) -> JSONValue {
        .number(Double(value))
    }

    /// The value as a whole number when it is a number without a fraction (and small enough to be exact).
    public var intValue: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// Parses JSON bytes; nil when they are not JSON.
    public static func parsed(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONValue(parsing: bytes)
    }
}

/// Compares two strings by their UTF-8 bytes (i.e. by Unicode scalar sequence),
/// unlike `String.==`, which applies canonical equivalence.
@inline(__always)
func exactStringEquals(_ a: String, _ b: String) -> Bool {
    let au = a.utf8
    let bu = b.utf8
    if au.count != bu.count { return false }
    if let r = au.withContiguousStorageIfAvailable({ pa in
        bu.withContiguousStorageIfAvailable({ pb in
            pa.elementsEqual(pb)
        })
    }), let result = r {
        return result
    }
    return au.elementsEqual(bu)
}

/// Hashes a string by its UTF-8 bytes, consistent with ``exactStringEquals(_:_:)``.
@inline(__always)
func hashExactString(_ s: String, into hasher: inout Hasher) {
    let u = s.utf8
    hasher.combine(u.count)
    if u.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
        for b in u { hasher.combine(b) }
    }
}

/// `true` when `a` sorts before `b` by Unicode scalar values (UTF-8 byte order is code point order).
@inlinable
package func exactStringLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// `true` for finite integral doubles (without calling into libm).
@inline(__always)
func isIntegral(_ n: Double) -> Bool {
    guard n.isFinite else { return false }
    // Every double of magnitude >= 2^52 is an integer; below that Int64 conversion is exact.
    if n.magnitude >= 4_503_599_627_370_496 { return true }
    return Double(Int64(n)) == n
}
