/// Azure RBAC's decision for one principal at one scope, the same for the engine's permission checks and the
/// emulator's authorization: deny assignments first, then grants (a block allows an action when one of its
/// `actions` matches and none of *its own* `notActions` does; any block allowing is enough), then conditions
/// (azure-protocol.md §6–§7). Data actions are decided by `dataActions`/`notDataActions` alone.
public struct RBACEvaluator: Sendable {
    /// Where a permission block came from, for messages.
    public struct Source: Sendable, Hashable, CustomStringConvertible {
        /// The role's name, when known.
        public var role: String?
        /// The role assignment's (or deny assignment's) id or scope, when known.
        public var assignment: String?
        /// The ABAC condition on the assignment, if any.
        public var condition: String?
        /// The block's position in what the permissions API returned (1-based), when that is all that is known.
        public var index: Int?
        /// How the principal holds it, when not directly: the groups, outermost last (`group 'sg-platform'`).
        public var through: [String]

        public init(
            role: String? = nil, assignment: String? = nil, condition: String? = nil, index: Int? = nil, through: [String] = []
        ) {
            self.role = role
            self.assignment = assignment
            self.condition = condition
            self.index = index
            self.through = through
        }

        public var description: String {
            var parts: [String] = []
            if let role { parts.append("role '\(role)'") }
            if let assignment { parts.append("assignment \(assignment)") }
            if parts.isEmpty, let index { parts.append("permission block #\(index)") }
            let held = parts.isEmpty ? "a permission block" : parts.joined(separator: ", ")
            return through.isEmpty ? held : (through + [held]).joined(separator: " → ")
        }
    }

    /// A permission block and where it came from.
    public struct Entry: Sendable {
        public var block: PermissionBlock
        public var source: Source

        public init(_ block: PermissionBlock, source: Source) {
            self.block = block
            self.source = source
        }
    }

    /// What Azure would decide, and what decided it.
    public enum Decision: Sendable, Equatable {
        /// Granted by `pattern` of the block from `source` (the first unconditional one).
        case allowed(pattern: ActionPattern, source: Source)
        /// Granted only through assignments that carry a condition, which neither the permissions API nor azspec
        /// can evaluate.
        case allowedSubjectToCondition(pattern: ActionPattern, source: Source)
        /// A deny assignment matches, whatever the grants say.
        case deniedByAssignment(pattern: ActionPattern, source: Source)
        /// No block grants it (or every block that would is excluded by its own `notActions`).
        case notGranted

        public var isAllowed: Bool {
            switch self {
            case .allowed, .allowedSubjectToCondition: true
            case .deniedByAssignment, .notGranted: false
            }
        }
    }

    public let grants: [Entry]
    public let denies: [Entry]

    public init(grants: [Entry], denies: [Entry] = []) {
        self.grants = grants
        self.denies = denies
    }

    public func decide(_ action: RBACAction) -> Decision {
        for deny in denies {
            if let pattern = deny.block.grantingPattern(for: action) {
                return .deniedByAssignment(pattern: pattern, source: deny.source)
            }
        }
        var conditional: (ActionPattern, Source)?
        for grant in grants {
            guard let pattern = grant.block.grantingPattern(for: action) else { continue }
            if grant.source.condition == nil { return .allowed(pattern: pattern, source: grant.source) }
            if conditional == nil { conditional = (pattern, grant.source) }
        }
        if let (pattern, source) = conditional { return .allowedSubjectToCondition(pattern: pattern, source: source) }
        return .notGranted
    }
}
