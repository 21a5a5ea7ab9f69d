/// An ordered JSON object.
///
/// Members keep their insertion order. Setting an existing key replaces its value in
/// place; setting a key to `nil` removes it. When built from a member list with
/// duplicate keys (as the parser does), the last value wins and the position of the
/// first occurrence is kept. Keys are compared by their exact Unicode scalars.
/// Equality and hashing ignore member order (JSON semantics).
public struct JSONObject: Sendable {
    /// One member of an object.
    public typealias Element = (key: String, value: JSONValue)

    private var members: [Element]
    /// Key → position, built only for objects larger than ``indexThreshold``.
    private var index: [ExactKey: Int]?

    /// Objects with more members than this get a hash index.
    static let indexThreshold = 12

    /// An empty object.
    public init() {
        members = []
        index = nil
    }

    /// An object with the given members, in order (duplicate keys: last value wins, first position kept).
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        self.members.reserveCapacity(members.count)
        for (k, v) in members { set(k, v) }
    }

    /// Builds from parser output whose keys are already known to be unique
    /// (`index`, when given, maps every key to its position).
    init(uniqueMembers: [Element], index: [ExactKey: Int]? = nil) {
        members = uniqueMembers
        self.index = nil
        if members.count > Self.indexThreshold {
            if let index, index.count == members.count {
                self.index = index
            } else {
                rebuildIndex()
            }
        }
    }

    /// The member keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The member values, in order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The number of members.
    public var count: Int { members.count }

    /// `true` when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The value for `key`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return members[i].value
        }
        set {
            if let newValue {
                set(key, newValue)
            } else if let i = position(of: key) {
                members.remove(at: i)
                if index != nil {
                    if members.count > Self.indexThreshold { rebuildIndex() } else { index = nil }
                }
            }
        }
    }

    /// The position of `key` in member order, or `nil`.
    func position(of key: String) -> Int? {
        if let index {
            return index[ExactKey(key)]
        }
        for i in members.indices where exactStringEquals(members[i].key, key) {
            return i
        }
        return nil
    }

    /// The member at `position` (0 ..< count), in order.
    func member(at position: Int) -> Element { members[position] }

    private mutating func set(_ key: String, _ value: JSONValue) {
        if let i = position(of: key) {
            members[i].value = value
            return
        }
        members.append((key: key, value: value))
        if index != nil {
            index?[ExactKey(key)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        var d = [ExactKey: Int](minimumCapacity: members.count)
        for (i, m) in members.enumerated() { d[ExactKey(m.key)] = i }
        index = d
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Element]> {
        members.makeIterator()
    }

    public var underestimatedCount: Int { members.count }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (i, m) in lhs.members.enumerated() {
            // Fast path: same key at the same position.
            if i < rhs.members.count, exactStringEquals(rhs.members[i].key, m.key) {
                if rhs.members[i].value != m.value { return false }
                continue
            }
            guard let other = rhs[m.key], other == m.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var acc: UInt64 = 0
        for m in members {
            var h = Hasher()
            hashExactString(m.key, into: &h)
            h.combine(m.value)
            acc = acc &+ UInt64(bitPattern: Int64(h.finalize()))
        }
        hasher.combine(members.count)
        hasher.combine(acc)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

/// A dictionary key comparing strings by their exact UTF-8 bytes.
struct ExactKey: Hashable, Sendable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: ExactKey, b: ExactKey) -> Bool { exactStringEquals(a.string, b.string) }
    func hash(into hasher: inout Hasher) { hashExactString(string, into: &hasher) }
}
