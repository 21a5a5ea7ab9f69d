import AzspecCore
import Foundation

/// Every schema resource a validation may reach, by absolute URI: the documents given (the schema, the files next
/// to it, the draft 2020-12 meta-schemas) and the resources embedded in them (`$id`), with their `$anchor`s and
/// `$dynamicAnchor`s. Built once; a `$ref` is then a lookup.
struct SchemaRegistry: Sendable {
    /// A schema and the base URI its own `$id` (if any) resolves against: its parent's.
    struct Target: Sendable {
        let schema: JSONValue
        let base: String
    }

    private(set) var resources: [String: Target] = [:]
    private(set) var anchors: [String: Target] = [:]
    private(set) var dynamicAnchors: Set<String> = []
    /// Every `$ref`, `$dynamicRef` and `$schema` met, resolved, with where it was written (for "cannot resolve").
    private(set) var references: [(uri: String, at: String)] = []

    /// How deep a document may nest schemas.
    static let maximumDepth = 256

    /// Keywords whose value is one subschema, a map of them, or a list of them: the only places a schema (and so an
    /// `$id` or anchor) can be (a `$id` under an unknown keyword is no identifier).
    static let singleSchema: Set<String> = [
        "not", "if", "then", "else", "contains", "additionalProperties", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "items", "contentSchema",
    ]
    static let schemaMap: Set<String> = ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas"]
    static let schemaList: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Adds `document`, retrieved from `uri`, and the resources embedded in it.
    mutating func add(_ document: JSONValue, uri: String) throws {
        let base = SchemaURI.withoutFragment(uri)
        // The document answers to the URI it was retrieved from, and to its own `$id`.
        resources[base] = Target(schema: document, base: base)
        try index(document, base: base, pointer: [], documentBase: base, depth: 0)
    }

    private mutating func index(
        _ node: JSONValue, base: String, pointer: [String], documentBase: String, depth: Int
    ) throws {
        guard depth < Self.maximumDepth else {
            throw JSONSchemaError("the schema nests more than \(Self.maximumDepth) levels deep at \(SchemaURI.pointer(pointer))")
        }
        guard case .object(let object) = node else { return }
        let parent = base
        var base = base
        if case .string(let id)? = object["$id"] {
            base = SchemaURI.withoutFragment(SchemaURI.resolve(id, against: base))
            resources[base] = Target(schema: node, base: parent)
        }
        if case .string(let anchor)? = object["$anchor"] { anchors[base + "#" + anchor] = Target(schema: node, base: parent) }
        if case .string(let anchor)? = object["$dynamicAnchor"] {
            anchors[base + "#" + anchor] = Target(schema: node, base: parent)
            dynamicAnchors.insert(base + "#" + anchor)
        }
        let at = documentBase + "#" + SchemaURI.pointer(pointer)
        for key in ["$ref", "$dynamicRef", "$schema"] {
            if case .string(let reference)? = object[key] { references.append((SchemaURI.resolve(reference, against: base), at)) }
        }
        for (key, value) in object {
            if Self.singleSchema.contains(key) {
                try index(value, base: base, pointer: pointer + [key], documentBase: documentBase, depth: depth + 1)
            } else if Self.schemaMap.contains(key), case .object(let members) = value {
                for (name, member) in members {
                    try index(member, base: base, pointer: pointer + [key, name], documentBase: documentBase, depth: depth + 1)
                }
            } else if Self.schemaList.contains(key), case .array(let items) = value {
                for (index, item) in items.enumerated() {
                    try self.index(
                        item, base: base, pointer: pointer + [key, String(index)], documentBase: documentBase, depth: depth + 1)
                }
            }
        }
    }

    /// The schema `uri` names: a resource, a JSON Pointer into one, or an anchor; nil when there is none.
    func resolve(_ uri: String) -> Target? {
        let (resource, fragment) = SchemaURI.split(uri)
        guard !fragment.isEmpty else { return resources[resource] }
        guard let tokens = SchemaURI.pointerTokens(fragment) else { return anchors[resource + "#" + fragment] }
        guard let root = resources[resource] else { return nil }
        // Walk the pointer, taking each embedded resource's `$id` on the way (the target's own is the evaluator's).
        var node = root.schema
        var base = root.base
        if !tokens.isEmpty, case .string(let id)? = node["$id"] { base = SchemaURI.withoutFragment(SchemaURI.resolve(id, against: base)) }
        var isSchema = true
        var inContainer = false
        for (position, token) in tokens.enumerated() {
            let parentIsSchema = isSchema
            switch node {
            case .object(let object):
                guard let next = object[token] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(token), index >= 0, index < items.count else { return nil }
                node = items[index]
            default: return nil
            }
            if inContainer {
                isSchema = true
                inContainer = false
            } else if parentIsSchema {
                isSchema = Self.singleSchema.contains(token)
                inContainer = Self.schemaMap.contains(token) || Self.schemaList.contains(token)
            } else {
                isSchema = false
            }
            if isSchema, position < tokens.count - 1, case .string(let id)? = node["$id"] {
                base = SchemaURI.withoutFragment(SchemaURI.resolve(id, against: base))
            }
        }
        return Target(schema: node, base: base)
    }

    /// Forgets the references met so far (the meta-schemas' resolve among themselves; a schema's own are checked).
    mutating func forgetReferences() { references = [] }

    /// Whether `uri` (with its anchor) is a `$dynamicAnchor`.
    func isDynamicAnchor(_ uri: String) -> Bool { dynamicAnchors.contains(uri) }
}

/// A schema that cannot be used: a reference that resolves to nothing, nesting past the bound, a pattern that is no
/// regular expression.
public struct JSONSchemaError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
