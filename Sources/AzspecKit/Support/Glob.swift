/// A shell-style pattern: `?` one character, `*` any run of characters. For paths, `?` and `*` stop at `/`, `**`
/// crosses folders and `**/` stands for any number of whole folders, none included (`specs/**/smoke-*.yaml` matches
/// `specs/smoke-a.yaml`). Matching is linear in pattern × text: no backtracking blow-up on hostile patterns.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    private enum Piece: Hashable {
        case literal(Character)
        case one
        case star
        case globstar
        /// `**/`: nothing, or anything that ends with `/`.
        case folders
    }

    public let pattern: String
    private let pieces: [Piece]
    private let paths: Bool
    private let caseInsensitive: Bool

    /// `paths`: `*` and `?` do not match `/`. `caseInsensitive`: for names, not for paths.
    public init(_ pattern: String, paths: Bool, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.paths = paths
        self.caseInsensitive = caseInsensitive
        var pieces: [Piece] = []
        var characters = Array(caseInsensitive ? pattern.lowercased() : pattern)[...]
        while let character = characters.popFirst() {
            switch character {
            case "?": pieces.append(.one)
            case "*":
                guard paths, characters.first == "*" else {
                    if pieces.last != .star { pieces.append(.star) }
                    continue
                }
                while characters.first == "*" { characters.removeFirst() }
                if characters.first == "/" {
                    characters.removeFirst()
                    pieces.append(.folders)
                } else {
                    pieces.append(.globstar)
                }
            default: pieces.append(.literal(character))
            }
        }
        self.pieces = pieces
    }

    /// Whether the pattern has anything but plain characters.
    public var isPattern: Bool { pieces.contains { if case .literal = $0 { false } else { true } } }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        let text = Array(caseInsensitive ? text.lowercased() : text)
        let count = text.count
        // reachable[j]: the pieces so far consume exactly text[0..<j].
        var reachable = [Bool](repeating: false, count: count + 1)
        reachable[0] = true
        for piece in pieces {
            var next = [Bool](repeating: false, count: count + 1)
            switch piece {
            case .literal(let character):
                for j in 0..<count where reachable[j] && text[j] == character { next[j + 1] = true }
            case .one:
                for j in 0..<count where reachable[j] && !(paths && text[j] == "/") { next[j + 1] = true }
            case .star:
                for j in 0...count {
                    next[j] = reachable[j] || (j > 0 && next[j - 1] && !(paths && text[j - 1] == "/"))
                }
            case .globstar:
                for j in 0...count { next[j] = reachable[j] || (j > 0 && next[j - 1]) }
            case .folders:
                var seen = false
                for j in 0...count {
                    next[j] = reachable[j] || (seen && text[j - 1] == "/")
                    if reachable[j] { seen = true }
                }
            }
            reachable = next
        }
        return reachable[count]
    }

    public var description: String { pattern }
}
