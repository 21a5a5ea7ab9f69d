import AzspecCore
import Foundation

/// One `{{name}}` in a template.
struct Reference: Sendable, Hashable {
    /// The full name as written, e.g. `env.AZURE_TENANT_ID`, `token`, `group.name`.
    let name: String
    let location: SourceLocation

    /// The first dotted component: the variable, capture, `env` or `cloud`.
    var head: Substring { name.split(separator: ".", maxSplits: 1).first ?? Substring(name) }
    /// What follows the head, if anything.
    var tail: Substring? {
        let pieces = name.split(separator: ".", maxSplits: 1)
        return pieces.count == 2 ? pieces[1] : nil
    }
}
