/// Receives progress while a run goes on (the console printer is one). Texts in reports are already redacted.
/// Called on the suite's own thread: an observer returns quickly and does not suspend.
public protocol RunObserver: Sendable {
    /// A test of the suite at `suiteIndex` ended.
    func caseFinished(_ result: CaseReport, suite: SuiteSpec, suiteIndex: Int)
    /// The suite at `suiteIndex` ended with all its cases.
    func suiteFinished(_ report: SuiteReport, suiteIndex: Int)
}
