/// How a test ended. A failure is an assertion that did not hold; an error means the test could not run.
///
/// The problem cases are boxed (`indirect`): a run keeps every finished test's report, and a passed one then takes
/// a few bytes here rather than room for three strings.
public enum CaseOutcome: Sendable {
    case passed
    indirect case failed(Problem)
    indirect case errored(Problem)
    case skipped(reason: String)

    public var isPassed: Bool { if case .passed = self { true } else { false } }
    public var isFailure: Bool { if case .failed = self { true } else { false } }
    public var isError: Bool { if case .errored = self { true } else { false } }

    /// The failure or error, if any.
    public var problem: Problem? {
        switch self {
        case .failed(let problem), .errored(let problem): problem
        case .passed, .skipped: nil
        }
    }
    public var isSkipped: Bool { if case .skipped = self { true } else { false } }
}
