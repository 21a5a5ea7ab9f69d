/// Which parts of a JSON document to build when it is parsed. The rest is still read and checked (a document that is
/// not JSON is refused whatever the projection), but not built: each value left out becomes `null`, in its place, so
/// that members keep their keys and elements their indices. A 50 MB answer asserted at two paths then costs its bytes,
/// not a tree several times their size.
public indirect enum JSONProjection: Sendable, Equatable {
    /// The whole value.
    case all
    /// Some members and elements: by key or index, and what every member or every element needs (a wildcard).
    case parts(members: [String: JSONProjection], elements: [Int: JSONProjection], anyMember: JSONProjection?, anyElement: JSONProjection?)

    /// Nothing below the root but what is added.
    public static let none = JSONProjection.parts(members: [:], elements: [:], anyMember: nil, anyElement: nil)

    /// One step of a path from the root.
    public enum Step: Sendable, Equatable {
        case member(String)
        /// A non-negative index.
        case element(Int)
        /// Every member and every element (a wildcard, a slice, a negative index).
        case anyChild
        /// Everything from here down (a descendant segment, a filter).
        case everything
    }

    /// The value at the end of `steps` in whole, and the way to it.
    public init(path steps: [Step]) {
        var projection = JSONProjection.all
        for step in steps.reversed() {
            switch step {
            case .member(let key): projection = .parts(members: [key: projection], elements: [:], anyMember: nil, anyElement: nil)
            case .element(let index): projection = .parts(members: [:], elements: [index: projection], anyMember: nil, anyElement: nil)
            case .anyChild: projection = .parts(members: [:], elements: [:], anyMember: projection, anyElement: projection)
            case .everything: projection = .all
            }
        }
        self = projection
    }

    public var isAll: Bool {
        if case .all = self { true } else { false }
    }

    /// What the member `key` needs; nil when it is left out.
    public func member(_ key: String) -> JSONProjection? {
        switch self {
        case .all: .all
        case .parts(let members, _, let anyMember, _): Self.union(members[key], anyMember)
        }
    }

    /// What the element at `index` needs; nil when it is left out.
    public func element(_ index: Int) -> JSONProjection? {
        switch self {
        case .all: .all
        case .parts(_, let elements, _, let anyElement): Self.union(elements[index], anyElement)
        }
    }

    /// Everything either needs.
    public func union(_ other: JSONProjection) -> JSONProjection {
        switch (self, other) {
        case (.all, _), (_, .all):
            return .all
        case (.parts(let m1, let e1, let am1, let ae1), .parts(let m2, let e2, let am2, let ae2)):
            return .parts(
                members: m1.merging(m2) { $0.union($1) }, elements: e1.merging(e2) { $0.union($1) },
                anyMember: Self.union(am1, am2), anyElement: Self.union(ae1, ae2))
        }
    }

    private static func union(_ first: JSONProjection?, _ second: JSONProjection?) -> JSONProjection? {
        guard let first else { return second }
        guard let second else { return first }
        return first.union(second)
    }
}

extension JSONValue {
    /// Parses strict RFC 8259 JSON, building only what `projection` keeps (``JSONProjection``).
    public init(parsing bytes: [UInt8], keeping projection: JSONProjection) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            JSONParser.parseResult(buffer, keeping: projection)
        }
        self = try result.get()
    }
}
