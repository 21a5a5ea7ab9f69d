import AzspecCore

/// What a Postman test script asserts and sets, in azspec's terms, before Postman variable names are mapped.
struct ScriptTranslation: Sendable {
    /// Where an expectation looks.
    enum Target: Sendable, Hashable {
        case header(String)
        /// A JSONPath such as `$.value[0].name`.
        case json(String)
        case body
    }

    /// What a capture keeps.
    enum CaptureSource: Sendable, Equatable {
        case json(String)
        case header(String)
    }

    /// The expected status: codes (`200`) and classes (`"2xx"`).
    var status: [JSONValue]?
    var expectations: [(target: Target, matchers: [ScriptMatcher])] = []
    /// Postman variable names and what sets them, in order; a later set of a name replaces the earlier one.
    var captures: [(name: String, source: CaptureSource)] = []
    /// The script's lines that were not converted, trimmed, in order.
    var unconverted: [String] = []

    var isEmpty: Bool { status == nil && expectations.isEmpty && captures.isEmpty }

    /// Sets the status; false when another status is already expected.
    mutating func expectStatus(_ codes: [JSONValue]) -> Bool {
        if let status { return status == codes }
        status = codes
        return true
    }

    /// Adds matchers to a target; false (and nothing added) when one of them clashes with a matcher of the same
    /// name already there (one YAML mapping cannot hold two).
    mutating func expect(_ matchers: [ScriptMatcher], at target: Target) -> Bool {
        guard let index = expectations.firstIndex(where: { $0.target == target }) else {
            expectations.append((target, matchers))
            return true
        }
        var merged = expectations[index].matchers
        for matcher in matchers {
            if let existing = merged.first(where: { $0.name == matcher.name }) {
                if existing != matcher { return false }
            } else {
                merged.append(matcher)
            }
        }
        expectations[index].matchers = merged
        return true
    }

    mutating func capture(_ name: String, _ source: CaptureSource) {
        captures.removeAll { $0.name == name }
        captures.append((name, source))
    }

    /// Adds what another script (a folder's or the collection's, run before this one) asserts; its clashing
    /// expectations are left out and counted.
    mutating func inherit(_ other: ScriptTranslation) -> Int {
        var clashes = 0
        if let codes = other.status, !expectStatus(codes) { clashes += 1 }
        for (target, matchers) in other.expectations where !expect(matchers, at: target) { clashes += 1 }
        for (name, source) in other.captures where !captures.contains(where: { $0.name == name }) { capture(name, source) }
        return clashes
    }
}
