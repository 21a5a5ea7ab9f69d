import AzspecCore
import AzspecKit

/// One matcher of an expectation: `equals`, `exists`, `type`, `contains`, `length`, `gt`, `not`…
struct ScriptMatcher: Sendable, Equatable {
    let name: MatcherName
    let value: ScriptValue

    init(_ name: MatcherName, _ value: ScriptValue) {
        self.name = name
        self.value = value
    }
}

/// A matcher's argument.
indirect enum ScriptValue: Sendable, Equatable {
    case json(JSONValue)
    /// A Postman variable read with `pm.environment.get("name")` and the like: `"{{name}}"` once mapped.
    case variable(String)
    /// `oneOf`'s values.
    case list([ScriptValue])
    /// Matchers inside a matcher: `length: { gt: 0 }`, `not: { contains: x }`.
    case matchers([ScriptMatcher])
}
