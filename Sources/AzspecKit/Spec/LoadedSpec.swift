public import AzspecCore
import Foundation
import Yams

/// The outcome of reading one spec file: the suite when it could be built, and every problem found.
public struct LoadedSpec: Sendable {
    /// The file as given.
    public let file: String
    /// The suite as far as it could be built (tests with errors left out); nil when the file is not a spec at all.
    public let suite: SuiteSpec?
    public let diagnostics: [Diagnostic]
    /// Why a file found by a folder search is not a spec at all (and is skipped), or nil.
    public var notASpec: String? = nil

    public var hasErrors: Bool { suite == nil || diagnostics.contains { $0.severity == .error } }
}
