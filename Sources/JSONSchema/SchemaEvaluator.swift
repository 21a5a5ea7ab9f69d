import AzspecCore
import Foundation

/// The vocabularies in force in a schema resource, from its meta-schema's `$vocabulary` (all of them without one).
struct Vocabulary: OptionSet, Sendable {
    let rawValue: Int
    static let applicator = Vocabulary(rawValue: 1)
    static let unevaluated = Vocabulary(rawValue: 2)
    static let validation = Vocabulary(rawValue: 4)
    static let formatAssertion = Vocabulary(rawValue: 8)
    static let all: Vocabulary = [.applicator, .unevaluated, .validation]

    static let uris: [String: Vocabulary] = [
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
    ]
}

/// What evaluating a schema against an instance found: its failures, and the annotations `unevaluatedProperties` and
/// `unevaluatedItems` read (the members and items a passing subschema evaluated).
struct Evaluation {
    var failures: [SchemaFailure] = []
    var properties: Set<String> = []
    /// Items before this index were evaluated (`prefixItems`, `items`).
    var itemPrefix = 0
    /// Items `contains` matched.
    var itemIndices: Set<Int> = []

    var isValid: Bool { failures.isEmpty }

    /// Takes `other`'s annotations (not its failures).
    mutating func absorb(_ other: Evaluation) {
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        itemIndices.formUnion(other.itemIndices)
    }
}

/// Evaluates a schema against an instance, keyword by keyword, following references and the dynamic scope.
struct SchemaEvaluator {
    let schema: JSONSchema
    /// How many schemas deep one evaluation may go (a `$ref` cycle that consumes nothing ends here).
    static let maximumDepth = 512

    init(schema: JSONSchema) {
        self.schema = schema
    }

    func evaluate(
        _ node: JSONValue, _ instance: JSONValue, at path: [String], keywordPath: String, base: String, location: String = "",
        scope: [String], vocabulary: Vocabulary, depth: Int
    ) -> Evaluation {
        var result = Evaluation()
        var base = base
        // The schema's JSON Pointer in its resource (a new resource starts at its `$id`).
        let location = node["$id"] == nil ? location : ""
        /// A failure of `keyword` of this schema.
        func failure(_ keyword: String, _ message: String) -> SchemaFailure {
            SchemaFailure(
                instancePath: SchemaURI.pointer(path), keywordPath: keywordPath + (keyword.isEmpty ? "" : "/" + keyword),
                keywordLocation: base + "#" + location + (keyword.isEmpty ? "" : "/" + keyword), message: message)
        }
        func fail(_ keyword: String, _ message: String) { result.failures.append(failure(keyword, message)) }
        switch node {
        case .bool(true): return result
        case .bool(false):
            fail("", "no value is allowed here")
            return result
        case .object: break
        default: return result
        }
        guard depth < Self.maximumDepth else {
            fail("", "the schema goes more than \(Self.maximumDepth) levels deep here (a reference cycle?)")
            return result
        }
        var scope = scope
        if case .string(let id)? = node["$id"] {
            base = SchemaURI.withoutFragment(SchemaURI.resolve(id, against: base))
            scope.append(base)
        }
        var vocabulary = vocabulary
        if case .string(let metaschema)? = node["$schema"],
            case .object(let vocabularies)? = schema.registry.resolve(SchemaURI.resolve(metaschema, against: base))?.schema["$vocabulary"]
        {
            vocabulary = vocabularies.keys.reduce(into: []) { $0.formUnion(Vocabulary.uris[$1] ?? []) }
        }
        /// `child` evaluated under `keyword`, on `value` at `childPath` (the instance itself by default).
        func sub(_ child: JSONValue, _ keyword: String, _ childPath: [String]?, _ value: JSONValue?) -> Evaluation {
            evaluate(
                child, value ?? instance, at: childPath ?? path, keywordPath: keywordPath + "/" + keyword, base: base,
                location: location + "/" + keyword, scope: scope, vocabulary: vocabulary, depth: depth + 1)
        }
        // References first: their annotations count for unevaluated*.
        for keyword in ["$ref", "$dynamicRef"] {
            guard case .string(let reference)? = node[keyword] else { continue }
            let uri = SchemaURI.resolve(reference, against: base)
            guard var target = schema.registry.resolve(uri) else {
                fail(keyword, "'\(reference)' resolves to no schema")
                continue
            }
            if keyword == "$dynamicRef" {
                let (_, fragment) = SchemaURI.split(uri)
                // Only a reference to a dynamic anchor is dynamic: the outermost resource in scope with that anchor wins.
                if !fragment.isEmpty, SchemaURI.pointerTokens(fragment) == nil, schema.registry.isDynamicAnchor(uri),
                    let outer = scope.lazy.compactMap({ schema.registry.isDynamicAnchor($0 + "#" + fragment) ? $0 + "#" + fragment : nil })
                        .first,
                    let found = schema.registry.resolve(outer)
                {
                    target = found
                }
            }
            let fragment = SchemaURI.split(uri).1
            let inner = evaluate(
                target.schema, instance, at: path, keywordPath: keywordPath + "/" + keyword, base: target.base,
                location: SchemaURI.pointerTokens(fragment) == nil ? "" : fragment,
                scope: target.schema["$id"] != nil || scope.last == target.base ? scope : scope + [target.base], vocabulary: vocabulary,
                depth: depth + 1)
            result.failures += inner.failures
            result.absorb(inner)
        }
        if vocabulary.contains(.applicator) { applicators(node, instance, path, &result, sub, failure) }
        if vocabulary.contains(.validation) {
            var found: [SchemaFailure] = []
            SchemaAssertions.check(node, instance, patterns: schema.patterns) { found.append(failure($0, $1)) }
            result.failures += found
        }
        if vocabulary.contains(.formatAssertion) || schema.assertFormat, case .string(let format)? = node["format"],
            case .string(let text) = instance, let valid = SchemaFormats.check(format, text), !valid
        {
            fail("format", "\(Self.show(instance)) is not a valid \(format)")
        }
        if vocabulary.contains(.unevaluated) { unevaluated(node, instance, path, &result, sub) }
        return result
    }

    /// allOf, anyOf, oneOf, not, if/then/else, dependentSchemas, prefixItems, items, contains, properties,
    /// patternProperties, additionalProperties, propertyNames.
    private func applicators(
        _ node: JSONValue, _ instance: JSONValue, _ path: [String], _ result: inout Evaluation,
        _ sub: (JSONValue, String, [String]?, JSONValue?) -> Evaluation, _ failure: (String, String) -> SchemaFailure
    ) {
        func fail(_ keyword: String, _ message: String) { result.failures.append(failure(keyword, message)) }
        if case .array(let schemas)? = node["allOf"] {
            for (index, child) in schemas.enumerated() {
                let inner = sub(child, "allOf/\(index)", nil, nil)
                result.failures += inner.failures
                result.absorb(inner)
            }
        }
        if case .array(let schemas)? = node["anyOf"] {
            let passing = schemas.enumerated().map { sub($1, "anyOf/\($0)", nil, nil) }.filter(\.isValid)
            if passing.isEmpty { fail("anyOf", "\(Self.show(instance)) matches none of the \(schemas.count) schemas of anyOf") }
            for inner in passing { result.absorb(inner) }
        }
        if case .array(let schemas)? = node["oneOf"] {
            let results = schemas.enumerated().map { sub($1, "oneOf/\($0)", nil, nil) }
            let passing = results.indices.filter { results[$0].isValid }
            if passing.count == 1 {
                result.absorb(results[passing[0]])
            } else if passing.isEmpty {
                fail("oneOf", "\(Self.show(instance)) matches none of the \(schemas.count) schemas of oneOf")
            } else {
                fail(
                    "oneOf",
                    "\(Self.show(instance)) matches \(passing.count) schemas of oneOf (\(passing.map { "#\($0)" }.joined(separator: ", "))), not exactly one"
                )
            }
        }
        if let child = node["not"], sub(child, "not", nil, nil).isValid {
            fail("not", "\(Self.show(instance)) matches the schema under not")
        }
        if let condition = node["if"] {
            let test = sub(condition, "if", nil, nil)
            let branch = test.isValid ? "then" : "else"
            if test.isValid { result.absorb(test) }
            if let child = node[branch] {
                let inner = sub(child, branch, nil, nil)
                result.failures += inner.failures
                result.absorb(inner)
            }
        }
        if case .object(let object) = instance {
            if case .object(let dependents)? = node["dependentSchemas"] {
                for (name, child) in dependents where object[name] != nil {
                    let inner = sub(child, "dependentSchemas/" + Self.escape(name), nil, nil)
                    result.failures += inner.failures
                    result.absorb(inner)
                }
            }
            // Draft 7's `dependencies`, which 2020-12 split in two: a list is dependentRequired, a schema dependentSchemas.
            if case .object(let dependencies)? = node["dependencies"] {
                for (name, dependency) in dependencies where object[name] != nil {
                    if case .array(let names) = dependency {
                        let missing = names.compactMap(\.stringValue).filter { object[$0] == nil }
                        if !missing.isEmpty {
                            fail(
                                "dependencies/" + Self.escape(name),
                                "'\(name)' is present, so \(missing.map { "'\($0)'" }.joined(separator: ", ")) must be too")
                        }
                    } else {
                        result.failures += sub(dependency, "dependencies/" + Self.escape(name), nil, nil).failures
                    }
                }
            }
            var matched: Set<String> = []
            if case .object(let properties)? = node["properties"] {
                for (name, child) in properties where object[name] != nil {
                    matched.insert(name)
                    result.failures += sub(child, "properties/" + Self.escape(name), path + [name], object[name]).failures
                }
            }
            if case .object(let patterns)? = node["patternProperties"] {
                for (pattern, child) in patterns {
                    guard let regex = schema.patterns[pattern] else { continue }
                    for name in object.keys where regex.matches(name) {
                        matched.insert(name)
                        result.failures += sub(child, "patternProperties/" + Self.escape(pattern), path + [name], object[name]).failures
                    }
                }
            }
            result.properties.formUnion(matched)
            if let child = node["additionalProperties"] {
                for name in object.keys where !matched.contains(name) {
                    result.properties.insert(name)
                    result.failures += sub(child, "additionalProperties", path + [name], object[name]).failures
                }
            }
            if let child = node["propertyNames"] {
                for name in object.keys {
                    result.failures += sub(child, "propertyNames", path, .string(name)).failures.map { failure in
                        SchemaFailure(
                            instancePath: failure.instancePath, keywordPath: failure.keywordPath,
                            keywordLocation: failure.keywordLocation, message: "member name: " + failure.message)
                    }
                }
            }
        }
        if case .array(let items) = instance {
            var prefix = 0
            if case .array(let schemas)? = node["prefixItems"] {
                prefix = min(schemas.count, items.count)
                for index in 0..<prefix {
                    result.failures += sub(schemas[index], "prefixItems/\(index)", path + [String(index)], items[index]).failures
                }
                result.itemPrefix = max(result.itemPrefix, prefix)
            }
            if let child = node["items"] {
                for index in prefix..<max(prefix, items.count) {
                    result.failures += sub(child, "items", path + [String(index)], items[index]).failures
                }
                result.itemPrefix = items.count
            }
            if let child = node["contains"] {
                let matching = items.indices.filter { sub(child, "contains", path + [String($0)], items[$0]).isValid }
                result.itemIndices.formUnion(matching)
                let minimum = node["minContains"]?.numberValue.map { Int(clamping: Int64(exactly: $0.rounded()) ?? 0) } ?? 1
                if let maximum = node["maxContains"]?.numberValue, Double(matching.count) > maximum {
                    fail("maxContains", "\(matching.count) items match contains, more than \(Self.number(maximum))")
                }
                if matching.count < minimum {
                    fail(
                        node["minContains"] == nil ? "contains" : "minContains",
                        minimum == 1 ? "no item matches contains" : "\(matching.count) items match contains, fewer than \(minimum)")
                }
            }
        }
    }

    /// unevaluatedItems and unevaluatedProperties, after every other keyword of the schema.
    private func unevaluated(
        _ node: JSONValue, _ instance: JSONValue, _ path: [String], _ result: inout Evaluation,
        _ sub: (JSONValue, String, [String]?, JSONValue?) -> Evaluation
    ) {
        if let child = node["unevaluatedItems"], case .array(let items) = instance {
            for index in items.indices where index >= result.itemPrefix && !result.itemIndices.contains(index) {
                result.failures += sub(child, "unevaluatedItems", path + [String(index)], items[index]).failures
            }
            result.itemPrefix = items.count
        }
        if let child = node["unevaluatedProperties"], case .object(let object) = instance {
            for name in object.keys where !result.properties.contains(name) {
                result.failures += sub(child, "unevaluatedProperties", path + [name], object[name]).failures
            }
            result.properties.formUnion(object.keys)
        }
    }

    /// A pointer token.
    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// A value as a failure shows it: compact JSON, cut after 80 characters.
    static func show(_ value: JSONValue) -> String {
        let text = value.serialized
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && value.magnitude < 1e15 ? String(Int64(value)) : String(value)
    }
}
