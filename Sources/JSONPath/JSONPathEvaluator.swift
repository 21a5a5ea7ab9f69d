import AzspecCore

/// A link in a node's location, from the node back to the root (shared by siblings).
final class PathLink: Sendable {
    let parent: PathLink?
    let component: PathComponent

    init(parent: PathLink?, component: PathComponent) {
        self.parent = parent
        self.component = component
    }

    /// The components from the root down to this link.
    var components: [PathComponent] {
        var result: [PathComponent] = []
        var link: PathLink? = self
        while let l = link {
            result.append(l.component)
            link = l.parent
        }
        result.reverse()
        return result
    }
}

/// A node during evaluation: its value and (when tracked) its location. `path == nil` is the root.
struct EvalNode {
    var value: JSONValue
    var path: PathLink?
}

/// Evaluates a parsed query against one document (RFC 9535 §2.3–2.6).
///
/// One evaluator serves one `select`/`values` call; it caches compiled regular
/// expressions for the duration of that call and is never shared.
final class JSONPathEvaluator {
    let root: JSONValue
    /// Compiled `match`/`search` patterns by translated pattern text (`nil` = failed to compile).
    var regexCache: [String: Regex<AnyRegexOutput>?] = [:]
    /// I-Regexp translations of patterns that came from the document.
    var translationCache: [String: RegexTranslation] = [:]

    init(root: JSONValue) {
        self.root = root
    }

    // MARK: Queries

    /// Applies `segments` to `start`, tracking locations when `trackPaths` is set.
    func evaluate(_ segments: [PathSegment], from start: EvalNode, trackPaths: Bool) -> [EvalNode] {
        var nodes = [start]
        for segment in segments {
            var next: [EvalNode] = []
            for node in nodes {
                if segment.isDescendant {
                    descend(segment.selectors, node, trackPaths: trackPaths, into: &next)
                } else {
                    for selector in segment.selectors {
                        select(selector, node, trackPaths: trackPaths, into: &next)
                    }
                }
            }
            if next.isEmpty { return [] }
            nodes = next
        }
        return nodes
    }

    /// The values selected by a filter query (`@...` relative to `current`, or `$...`).
    func values(of query: PathQuery, current: JSONValue) -> [JSONValue] {
        let start = query.isRelative ? current : root
        if query.segments.isEmpty { return [start] }
        return evaluate(query.segments, from: EvalNode(value: start, path: nil), trackPaths: false).map(\.value)
    }

    /// `true` when a filter query selects at least one node.
    func exists(_ query: PathQuery, current: JSONValue) -> Bool {
        if query.isSingular { return singularValue(of: query, current: current) != nil }
        return !values(of: query, current: current).isEmpty
    }

    /// The value of a singular query, or `nil` for Nothing.
    func singularValue(of query: PathQuery, current: JSONValue) -> JSONValue? {
        var value = query.isRelative ? current : root
        for segment in query.segments {
            guard let component = segment.singularComponent,
                let next = Self.child(of: value, component)
            else { return nil }
            value = next
        }
        return value
    }

    /// The child of `value` at a name or index (negative indices count from the end).
    static func child(of value: JSONValue, _ component: PathComponent) -> JSONValue? {
        switch (component, value) {
        case (.name(let name), .object(let object)):
            return object[name]
        case (.index(let index), .array(let array)):
            let i = index < 0 ? array.count + index : index
            guard i >= 0, i < array.count else { return nil }
            return array[i]
        default:
            return nil
        }
    }

    @inline(__always)
    private func link(_ parent: EvalNode, _ component: PathComponent, _ trackPaths: Bool) -> PathLink? {
        trackPaths ? PathLink(parent: parent.path, component: component) : nil
    }

    /// The descendant segment: the selectors applied to `node` and, in document order, to every descendant.
    private func descend(_ selectors: [PathSelector], _ node: EvalNode, trackPaths: Bool, into out: inout [EvalNode]) {
        for selector in selectors {
            select(selector, node, trackPaths: trackPaths, into: &out)
        }
        switch node.value {
        case .array(let array):
            for (i, element) in array.enumerated() {
                descend(
                    selectors, EvalNode(value: element, path: link(node, .index(i), trackPaths)),
                    trackPaths: trackPaths, into: &out)
            }
        case .object(let object):
            for (key, member) in object {
                descend(
                    selectors, EvalNode(value: member, path: link(node, .name(key), trackPaths)),
                    trackPaths: trackPaths, into: &out)
            }
        default:
            break
        }
    }

    private func select(_ selector: PathSelector, _ node: EvalNode, trackPaths: Bool, into out: inout [EvalNode]) {
        switch selector {
        case .name(let name):
            if case .object(let object) = node.value, let member = object[name] {
                out.append(EvalNode(value: member, path: link(node, .name(name), trackPaths)))
            }
        case .index(let index):
            if case .array(let array) = node.value {
                let i = index < 0 ? array.count + index : index
                if i >= 0, i < array.count {
                    out.append(EvalNode(value: array[i], path: link(node, .index(i), trackPaths)))
                }
            }
        case .wildcard:
            switch node.value {
            case .array(let array):
                for (i, element) in array.enumerated() {
                    out.append(EvalNode(value: element, path: link(node, .index(i), trackPaths)))
                }
            case .object(let object):
                for (key, member) in object {
                    out.append(EvalNode(value: member, path: link(node, .name(key), trackPaths)))
                }
            default:
                break
            }
        case .slice(let start, let end, let step):
            if case .array(let array) = node.value {
                for i in Self.sliceIndices(count: array.count, start: start, end: end, step: step) {
                    out.append(EvalNode(value: array[i], path: link(node, .index(i), trackPaths)))
                }
            }
        case .filter(let expression):
            switch node.value {
            case .array(let array):
                for (i, element) in array.enumerated() where test(expression, current: element) {
                    out.append(EvalNode(value: element, path: link(node, .index(i), trackPaths)))
                }
            case .object(let object):
                for (key, member) in object where test(expression, current: member) {
                    out.append(EvalNode(value: member, path: link(node, .name(key), trackPaths)))
                }
            default:
                break
            }
        }
    }

    /// The indices selected by a slice (RFC 9535 §2.3.4.2.2), in selection order.
    static func sliceIndices(count len: Int, start: Int?, end: Int?, step: Int?) -> [Int] {
        let step = step ?? 1
        if step == 0 || len == 0 { return [] }
        func normalize(_ i: Int) -> Int { i >= 0 ? i : len + i }
        var result: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), len)
            let upper = min(max(normalize(end ?? len), 0), len)
            var i = lower
            while i < upper {
                result.append(i)
                i += step
            }
        } else {
            let upper = min(max(normalize(start ?? len - 1), -1), len - 1)
            let lower = min(max(end.map(normalize) ?? -1, -1), len - 1)
            var i = upper
            while lower < i {
                result.append(i)
                i += step
            }
        }
        return result
    }

    // MARK: Filter expressions

    /// Evaluates a logical expression with `current` as `@`.
    func test(_ expression: FilterExpression, current: JSONValue) -> Bool {
        switch expression {
        case .or(let operands):
            return operands.contains { test($0, current: current) }
        case .and(let operands):
            return operands.allSatisfy { test($0, current: current) }
        case .not(let operand):
            return !test(operand, current: current)
        case .exists(let query):
            return exists(query, current: current)
        case .function(let call):
            switch callFunction(call, current: current) {
            case .logical(let b): return b
            case .nodes(let nodes): return !nodes.isEmpty
            case .value: return false
            }
        case .comparison(let left, let op, let right):
            return Self.compare(
                comparable(left, current: current), op, comparable(right, current: current))
        }
    }

    /// The value of a comparison operand, or `nil` for Nothing.
    func comparable(_ c: ComparableExpression, current: JSONValue) -> JSONValue? {
        switch c {
        case .literal(let v):
            return v
        case .query(let q):
            return singularValue(of: q, current: current)
        case .function(let call):
            if case .value(let v) = callFunction(call, current: current) { return v }
            return nil
        }
    }

    /// RFC 9535 §2.3.5.2.2 comparison; `nil` is Nothing.
    static func compare(_ a: JSONValue?, _ op: ComparisonOperator, _ b: JSONValue?) -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return !equal(a, b)
        case .less: return less(a, b)
        case .lessOrEqual: return less(a, b) || equal(a, b)
        case .greater: return less(b, a)
        case .greaterOrEqual: return less(b, a) || equal(a, b)
        }
    }

    private static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a == b
        default: return false
        }
    }

    private static func less(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case let (.number(x)?, .number(y)?): return x < y
        case let (.string(x)?, .string(y)?): return exactStringLess(x, y)
        default: return false
        }
    }
}
