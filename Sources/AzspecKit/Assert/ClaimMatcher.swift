import AzspecCore
import Foundation

/// One claim of a decoded JWT and the matcher it must satisfy (`expect.token` and the `jwt` matcher).
struct ClaimMatcher: Sendable {
    let claim: String
    let matcher: Matcher
}
