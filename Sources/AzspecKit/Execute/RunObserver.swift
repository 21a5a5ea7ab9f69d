/// Receives progress while a run goes on (the console printer is one). Texts in reports are already redacted.
public protocol RunObserver: Sendable {
    /// A test of the suite at `suiteIndex` ended.
    func caseFinished(_ result: CaseReport, suite: SuiteSpec, suiteIndex: Int) async
    /// The suite at `suiteIndex` ended with all its cases.
    func suiteFinished(_ report: SuiteReport, suiteIndex: Int) async
}
