import AzspecCore

/// The small part of JavaScript a Postman assertion is written in: names, literals, member access, calls and
/// comparisons. Anything else does not parse, and its lines are kept as comments.
indirect enum JSExpression: Sendable, Equatable {
    case name(String)
    case literal(JSONValue)
    case undefined
    case regex(pattern: String, flags: String)
    case array([JSExpression])
    case object([String: JSExpression], order: [String])
    case member(JSExpression, String)
    case index(JSExpression, JSExpression)
    case call(JSExpression, [JSExpression])
    case binary(String, JSExpression, JSExpression)
    case not(JSExpression)

    /// `a.b.c` as ["a", "b", "c"]; nil when the expression is not a plain dotted name.
    var dottedName: [String]? {
        switch self {
        case .name(let name): [name]
        case .member(let base, let name): base.dottedName.map { $0 + [name] }
        default: nil
        }
    }

    /// The value when the expression is a JSON literal (arrays and objects of literals included).
    var jsonLiteral: JSONValue? {
        switch self {
        case .literal(let value): return value
        case .array(let items):
            var values: [JSONValue] = []
            for item in items {
                guard let value = item.jsonLiteral else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object(let members, let order):
            var object = JSONObject()
            for key in order {
                guard let value = members[key]?.jsonLiteral else { return nil }
                object[key] = value
            }
            return .object(object)
        default: return nil
        }
    }
}
