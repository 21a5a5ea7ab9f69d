public import AzspecCore

/// A compiled RFC 9535 JSONPath query.
///
/// Parse once, evaluate many times: the value is immutable and `Sendable`. Parsing
/// checks both syntax and well-typedness of filter expressions; invalid queries throw
/// ``JSONPathSyntaxError``. Two queries are equal when their texts are equal.
public struct JSONPathQuery: Sendable, Hashable, CustomStringConvertible {
    /// The query text as given.
    public let text: String
    /// `true` for a singular query (§2.3.5.1): only name and index child segments, one selector each.
    public let isSingular: Bool
    let query: PathQuery

    /// Parses and validates `text`.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        var parser = JSONPathParser(text)
        do throws(JSONPathParser.Failure) {
            query = try parser.parseQuery()
        } catch {
            throw JSONPathSyntaxError(
                offset: Self.characterOffset(in: text, scalarOffset: error.scalarOffset),
                message: error.message)
        }
        self.text = text
        isSingular = query.isSingular
    }

    /// The query text.
    public var description: String { text }

    public static func == (lhs: JSONPathQuery, rhs: JSONPathQuery) -> Bool {
        lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }

    /// The selected nodes (values with their Normalized Paths), in nodelist order.
    public func select(in root: JSONValue) -> [JSONPathNode] {
        if isSingular {
            return singularValue(in: root).map { [JSONPathNode(location: singularLocation(in: root), value: $0)] } ?? []
        }
        let evaluator = JSONPathEvaluator(root: root)
        return evaluator.evaluate(query.segments, from: EvalNode(value: root, path: nil), trackPaths: true)
            .map { JSONPathNode(location: NormalizedPath.string(for: $0.path), value: $0.value) }
    }

    /// The values of the selected nodes, in nodelist order (cheaper than ``select(in:)``).
    public func values(in root: JSONValue) -> [JSONValue] {
        if isSingular { return singularValue(in: root).map { [$0] } ?? [] }
        let evaluator = JSONPathEvaluator(root: root)
        return evaluator.evaluate(query.segments, from: EvalNode(value: root, path: nil), trackPaths: false)
            .map(\.value)
    }

    /// The node a singular query selects, walked child by child without the evaluator; `nil` when there is none.
    private func singularValue(in root: JSONValue) -> JSONValue? {
        var value = root
        for segment in query.segments {
            guard let component = segment.singularComponent, let next = JSONPathEvaluator.child(of: value, component)
            else { return nil }
            value = next
        }
        return value
    }

    /// The Normalized Path of the node a singular query selects (negative indices resolved).
    private func singularLocation(in root: JSONValue) -> String {
        var components: [PathComponent] = []
        components.reserveCapacity(query.segments.count)
        var value = root
        for segment in query.segments {
            guard let component = segment.singularComponent else { break }
            if case .index(let i) = component, i < 0, case .array(let a) = value {
                components.append(.index(a.count + i))
            } else {
                components.append(component)
            }
            if let next = JSONPathEvaluator.child(of: value, component) { value = next }
        }
        return NormalizedPath.string(for: components)
    }

    /// Converts a Unicode scalar offset into a Character offset in `text`.
    static func characterOffset(in text: String, scalarOffset: Int) -> Int {
        var characters = 0
        var scalars = 0
        for character in text {
            let n = character.unicodeScalars.count
            if scalars + n > scalarOffset { return characters }
            scalars += n
            characters += 1
        }
        return characters
    }
}

/// A node selected by a query: its value and its location as an RFC 9535 §2.7
/// Normalized Path, e.g. `$['store']['book'][0]`.
public struct JSONPathNode: Sendable, Hashable {
    /// The Normalized Path of the node.
    public var location: String
    /// The node's value.
    public var value: JSONValue

    public init(location: String, value: JSONValue) {
        self.location = location
        self.value = value
    }
}

extension JSONPathQuery {
    /// What a document must have built for this query to select what it would select in the whole document
    /// (``JSONProjection``): the members and indices on its way, and whatever it selects in whole. A descendant
    /// segment keeps everything below it; a filter, which may read anywhere (`$` inside it too), keeps everything.
    public var projection: JSONProjection {
        var paths: [[JSONProjection.Step]] = [[]]
        for segment in query.segments {
            if segment.isDescendant { return Self.prefixes(paths, .everything) }
            var steps: [JSONProjection.Step] = []
            for selector in segment.selectors {
                switch selector {
                case .name(let name): steps.append(.member(name))
                case .index(let index): steps.append(index >= 0 ? .element(index) : .anyChild)
                case .wildcard, .slice: steps.append(.anyChild)
                case .filter: return .all
                }
            }
            paths = paths.flatMap { path in steps.map { path + [$0] } }
            // Many selectors in a row multiply the paths; past a few hundred, keeping more is cheaper than counting.
            if paths.count > 256 { return Self.prefixes(paths.map { Array($0.dropLast()) }, .anyChild) }
        }
        return paths.map { JSONProjection(path: $0) }.reduce(JSONProjection.none) { $0.union($1) }
    }

    /// Each path, then `step` and everything below it.
    private static func prefixes(_ paths: [[JSONProjection.Step]], _ step: JSONProjection.Step) -> JSONProjection {
        paths.map { JSONProjection(path: $0 + [step]) }.reduce(JSONProjection.none) { $0.union($1) }
    }
}
