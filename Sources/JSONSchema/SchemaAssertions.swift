import AzspecCore

/// The validation vocabulary: type, enum, const, the numeric, string, array and object bounds, required and
/// dependentRequired. (minContains and maxContains are read with contains.)
enum SchemaAssertions {
    static func check(
        _ node: JSONValue, _ instance: JSONValue, patterns: [String: CompiledPattern], _ fail: (String, String) -> Void
    ) {
        let show = SchemaEvaluator.show
        let number = SchemaEvaluator.number
        if let type = node["type"] {
            let names = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            if !names.contains(where: { matches(instance, type: $0) }) {
                fail("type", "\(show(instance)) is \(article(kind(of: instance))), not \(names.map(article).joined(separator: " or "))")
            }
        }
        if case .array(let values)? = node["enum"], !values.contains(instance) {
            fail("enum", "\(show(instance)) is none of \(show(.array(values)))")
        }
        if let value = node["const"], value != instance {
            fail("const", "\(show(instance)) is not \(show(value))")
        }
        if case .number(let value) = instance {
            if let limit = node["maximum"]?.numberValue, value > limit {
                fail("maximum", "\(show(instance)) is more than \(number(limit))")
            }
            if let limit = node["exclusiveMaximum"]?.numberValue, value >= limit {
                fail("exclusiveMaximum", "\(show(instance)) is not less than \(number(limit))")
            }
            if let limit = node["minimum"]?.numberValue, value < limit {
                fail("minimum", "\(show(instance)) is less than \(number(limit))")
            }
            if let limit = node["exclusiveMinimum"]?.numberValue, value <= limit {
                fail("exclusiveMinimum", "\(show(instance)) is not more than \(number(limit))")
            }
            if let divisor = node["multipleOf"]?.numberValue, divisor > 0, !isMultiple(value, of: divisor) {
                fail("multipleOf", "\(show(instance)) is not a multiple of \(number(divisor))")
            }
        }
        if case .string(let text) = instance {
            let length = text.unicodeScalars.count
            if let limit = node["maxLength"]?.numberValue, Double(length) > limit {
                fail("maxLength", "\(show(instance)) is \(length) characters long, more than \(number(limit))")
            }
            if let limit = node["minLength"]?.numberValue, Double(length) < limit {
                fail("minLength", "\(show(instance)) is \(length) characters long, fewer than \(number(limit))")
            }
            if case .string(let pattern)? = node["pattern"], let regex = patterns[pattern], !regex.matches(text) {
                fail("pattern", "\(show(instance)) does not match /\(pattern)/")
            }
        }
        if case .array(let items) = instance {
            if let limit = node["maxItems"]?.numberValue, Double(items.count) > limit {
                fail("maxItems", "\(items.count) items, more than \(number(limit))")
            }
            if let limit = node["minItems"]?.numberValue, Double(items.count) < limit {
                fail("minItems", "\(items.count) items, fewer than \(number(limit))")
            }
            if node["uniqueItems"] == .bool(true), Set(items).count != items.count {
                let duplicate = items.enumerated().first { index, item in items[..<index].contains(item) }
                fail("uniqueItems", "item \(duplicate?.offset ?? 0) repeats an earlier one: \(show(duplicate?.element ?? .null))")
            }
        }
        if case .object(let object) = instance {
            if let limit = node["maxProperties"]?.numberValue, Double(object.count) > limit {
                fail("maxProperties", "\(object.count) members, more than \(number(limit))")
            }
            if let limit = node["minProperties"]?.numberValue, Double(object.count) < limit {
                fail("minProperties", "\(object.count) members, fewer than \(number(limit))")
            }
            if case .array(let names)? = node["required"] {
                let missing = names.compactMap(\.stringValue).filter { object[$0] == nil }
                if !missing.isEmpty { fail("required", "missing \(missing.map { "'\($0)'" }.joined(separator: ", "))") }
            }
            if case .object(let dependencies)? = node["dependentRequired"] {
                for (name, required) in dependencies where object[name] != nil {
                    let missing = (required.arrayValue ?? []).compactMap(\.stringValue).filter { object[$0] == nil }
                    if !missing.isEmpty {
                        fail(
                            "dependentRequired/" + SchemaEvaluator.escape(name),
                            "'\(name)' is present, so \(missing.map { "'\($0)'" }.joined(separator: ", ")) must be too")
                    }
                }
            }
        }
    }

    /// Whether `instance` is of JSON Schema type `name` (an integer is a number with no fraction).
    static func matches(_ instance: JSONValue, type name: String) -> Bool {
        switch (name, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let value)): value.isFinite && value == value.rounded(.towardZero)
        default: false
        }
    }

    static func kind(of instance: JSONValue) -> String {
        if case .number(let value) = instance, matches(instance, type: "integer"), value.magnitude < 1e15 { return "integer" }
        return instance.typeName == "boolean" ? "boolean" : instance.typeName
    }

    static func article(_ type: String) -> String {
        type == "null" ? "null" : (["a", "e", "i", "o", "u"].contains(type.prefix(1)) ? "an " : "a ") + type
    }

    /// `value` is a whole multiple of `divisor`, allowing for binary fractions (0.0075 is a multiple of 0.0001).
    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        return (quotient - quotient.rounded()).magnitude <= 1e-9 * max(1, quotient.magnitude.squareRoot())
    }
}
