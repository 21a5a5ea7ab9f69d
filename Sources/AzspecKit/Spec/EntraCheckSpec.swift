import AzspecCore
import Foundation

/// A check of what a principal may do in Entra ID, read from Microsoft Graph by the test's identity: its application
/// permissions (app role assignments), the delegated permissions consented to it, the directory roles it holds or may
/// activate (through its groups too), and who owns it (an owner can add a credential and act as it).
struct EntraCheckSpec: Sendable {
    /// `Microsoft Graph: Application.Read.All`, or `Application.Read.All` (Microsoft Graph's): a permission of an API.
    struct Permission: Sendable {
        /// The API's display name or application id; nil: Microsoft Graph.
        let resource: String?
        let value: String
        let location: SourceLocation

        init(_ text: String, location: SourceLocation) {
            if let range = text.range(of: ": ", options: .backwards) {
                resource = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            } else {
                resource = nil
                value = text.trimmingCharacters(in: .whitespaces)
            }
            self.location = location
        }

        var text: String { "\(resource ?? "Microsoft Graph"): \(value)" }
    }

    /// Permissions that must be held, must not be, and whether nothing else may be.
    struct Permissions: Sendable {
        var allow: [Permission] = []
        var deny: [Permission] = []
        var exactly = false
    }

    /// A directory role by display name or template id.
    struct Role: Sendable {
        let name: String
        let location: SourceLocation
    }

    /// Directory roles that must be held, must not be, whether tier 0 may be, and how eligible (PIM) ones count.
    struct Roles: Sendable {
        var allow: [Role] = []
        var deny: [Role] = []
        var exactly = false
        var noTier0 = false
        var eligible = PermissionCheckSpec.Eligible.separate
    }

    /// The owners of the application and the service principal, and what the set must be.
    struct Owners: Sendable {
        let expectation: PermissionCheckSpec.WhoCan.Expectation
        let location: SourceLocation
    }

    let principal: Template
    var applicationPermissions: Permissions?
    var delegatedPermissions: Permissions?
    var directoryRoles: Roles?
    var owners: Owners?
    let location: SourceLocation

    var templates: [Template] {
        var templates = [principal]
        switch owners?.expectation {
        case .only(let names), .exactly(let names): templates += names
        case .nobody, nil: break
        }
        return templates
    }
}
