public import AzspecCore
import Foundation

/// A JSON Schema (draft 2020-12), loaded once and then used to validate many instances.
///
/// Every keyword of the core, applicator, unevaluated, validation, meta-data, format-annotation and content
/// vocabularies is understood; `format` asserts only where the schema's meta-schema turns the format-assertion
/// vocabulary on, or when `assertFormat` is set. References resolve among the documents given: the schema, the
/// documents `load` returns for the resources it names, and the draft 2020-12 meta-schemas; nothing is fetched.
/// Nesting, reference chains and the documents loaded are bounded.
public struct JSONSchema: Sendable {
    let registry: SchemaRegistry
    let root: String
    let patterns: [String: CompiledPattern]
    /// Assert `format` whatever the meta-schema says.
    public var assertFormat = false

    /// The most documents `load` is asked for.
    public static let maximumDocuments = 64

    /// Loads `schema` (retrieved from `uri`, against which its relative references resolve). `load` is asked for
    /// each other resource a reference names (by absolute URI, without fragment) and returns nil when it has none.
    public init(
        _ schema: JSONValue, uri: String = "urn:azspec:schema", load: (String) throws -> JSONValue? = { _ in nil }
    ) throws {
        var registry = Self.metaSchemas.registry
        var documents = [schema]
        try registry.add(schema, uri: uri)
        // Load what the references name, until nothing new is named.
        var asked: Set<String> = []
        var progress = true
        while progress {
            progress = false
            for (reference, at) in registry.references {
                let resource = SchemaURI.withoutFragment(reference)
                guard registry.resources[resource] == nil, !asked.contains(resource) else { continue }
                asked.insert(resource)
                guard asked.count <= Self.maximumDocuments else {
                    throw JSONSchemaError("the schema names more than \(Self.maximumDocuments) documents")
                }
                guard let document = try load(resource) else {
                    throw JSONSchemaError("cannot resolve '\(reference)' (at \(at)): no such schema is loaded")
                }
                try registry.add(document, uri: resource)
                documents.append(document)
                progress = true
            }
        }
        for (reference, at) in registry.references where registry.resolve(reference) == nil {
            throw JSONSchemaError("cannot resolve '\(reference)' (at \(at))")
        }
        self.registry = registry
        root = SchemaURI.withoutFragment(uri)
        patterns = try CompiledPattern.all(in: documents, adding: Self.metaSchemas.patterns)
    }

    /// The draft 2020-12 meta-schemas, parsed, indexed and their patterns compiled once per process.
    static let metaSchemas: (registry: SchemaRegistry, patterns: [String: CompiledPattern]) = {
        var registry = SchemaRegistry()
        var documents: [JSONValue] = []
        for text in MetaSchemas.documents {
            guard let document = try? JSONValue(parsing: Array(text.utf8)) else { continue }
            try? registry.add(document, uri: document["$id"]?.stringValue ?? "")
            documents.append(document)
        }
        registry.forgetReferences()
        return (registry, (try? CompiledPattern.all(in: documents, adding: [:])) ?? [:])
    }()

    /// The ways `instance` fails the schema, outermost first; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [SchemaFailure] {
        guard let target = registry.resolve(root) else { return [] }
        return SchemaEvaluator(schema: self).evaluate(
            target.schema, instance, at: [], keywordPath: "", base: target.base, scope: [target.base], vocabulary: .all, depth: 0
        ).failures
    }

    /// Whether `instance` is valid.
    public func isValid(_ instance: JSONValue) -> Bool { validate(instance).isEmpty }
}

/// One way an instance fails a schema: where in the instance, which keyword where in the schema, and why.
public struct SchemaFailure: Sendable, Equatable, CustomStringConvertible {
    /// A JSON Pointer into the instance (`""` for the whole of it).
    public let instancePath: String
    /// The keyword's evaluation path in the schema, through any `$ref` (`/properties/tags/type`).
    public let keywordPath: String
    /// The keyword's absolute location (`urn:azspec:schema#/$defs/tag/type`).
    public let keywordLocation: String
    public let message: String

    public var description: String {
        "\(instancePath.isEmpty ? "the value" : instancePath): \(message) (\(keywordPath.isEmpty ? "the schema" : keywordPath))"
    }
}

/// `pattern` with ECMA 262's ASCII meaning of `\d`, `\D`, `\w` and `\W` (ICU's are Unicode-wide), in and out of
/// character classes.
func ecmaScript(_ pattern: String) -> String {
    var out = ""
    var inClass = false
    var iterator = pattern.makeIterator()
    while let character = iterator.next() {
        if character == "\\", let escaped = iterator.next() {
            switch (escaped, inClass) {
            case ("d", false): out += "[0-9]"
            case ("d", true): out += "0-9"
            case ("D", false): out += "[^0-9]"
            case ("w", false): out += "[A-Za-z0-9_]"
            case ("w", true): out += "A-Za-z0-9_"
            case ("W", false): out += "[^A-Za-z0-9_]"
            default: out += "\\" + String(escaped)
            }
            continue
        }
        if character == "[" { inClass = true } else if character == "]" { inClass = false }
        out.append(character)
    }
    return out
}

/// A `pattern` or `patternProperties` key, compiled once when the schema loads.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    let expression: NSRegularExpression

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Patterns compiled so far in this process (the same few recur across a suite's schemas).
    static let cache = LockedBox<[String: CompiledPattern]>([:])

    /// Every pattern of `documents` added to `known` (a string that is no regular expression is an error).
    static func all(in documents: [JSONValue], adding known: [String: CompiledPattern]) throws -> [String: CompiledPattern] {
        var found = known
        func compile(_ pattern: String) throws {
            guard found[pattern] == nil else { return }
            if let compiled = cache.withLock({ $0[pattern] }) {
                found[pattern] = compiled
                return
            }
            do {
                let compiled = CompiledPattern(expression: try NSRegularExpression(pattern: ecmaScript(pattern)))
                found[pattern] = compiled
                cache.withLock { cache in
                    if cache.count >= 10_000 { cache.removeAll() }
                    cache[pattern] = compiled
                }
            } catch {
                throw JSONSchemaError("'\(pattern)' is not a regular expression")
            }
        }
        func walk(_ node: JSONValue, depth: Int) throws {
            guard depth < SchemaRegistry.maximumDepth else { return }
            switch node {
            case .object(let object):
                if case .string(let pattern)? = object["pattern"] { try compile(pattern) }
                if case .object(let properties)? = object["patternProperties"] { for key in properties.keys { try compile(key) } }
                for (_, value) in object { try walk(value, depth: depth + 1) }
            case .array(let items): for item in items { try walk(item, depth: depth + 1) }
            default: break
            }
        }
        for document in documents { try walk(document, depth: 0) }
        return found
    }
}
