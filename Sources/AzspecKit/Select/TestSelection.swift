/// Which tests a run takes: `--filter` on suite and test names, `--tag` expressions and `--skip-tag` on tags.
///
/// A test is selected when it matches one of the filters (if any), every `--tag` expression (if any) and none of
/// the `--skip-tag` tags; its tags are its own and its suite's. Selecting never breaks a suite's chain: the earlier
/// tests that capture what a selected test uses come along, and so do the suite's `always: true` cleanups.
public struct TestSelection: Sendable {
    /// `--filter`: a case-insensitive substring of the suite's or the test's name, or of `suite › test`; a glob
    /// (`*`, `?`) must match one of them whole.
    public var filters: [String]
    /// `--tag`: every expression must hold.
    public var tags: [TagExpression]
    /// `--skip-tag`: a test carrying any of these is left out.
    public var skipTags: [String]
    /// `--rerun-failed`: only the tests that failed or errored in the report (with what they need).
    public var failed: FailedTests?

    public init(filters: [String] = [], tags: [TagExpression] = [], skipTags: [String] = []) {
        self.filters = filters
        self.tags = tags
        self.skipTags = skipTags
    }

    /// Whether anything narrows the run.
    public var isActive: Bool { !filters.isEmpty || !tags.isEmpty || !skipTags.isEmpty || failed != nil }

    /// What the command line asked for, for messages (`--filter 'list' --tag 'smoke'`).
    public var summary: String {
        (filters.map { "--filter '\($0)'" } + tags.map { "--tag '\($0)'" } + skipTags.map { "--skip-tag '\($0)'" }
            + (failed == nil ? [] : ["--rerun-failed"]))
            .joined(separator: " ")
    }

    /// Whether the test itself matches (before the chain of captures and cleanups is added).
    public func matches(_ test: TestSpec, in suite: SuiteSpec) -> Bool {
        let tags = Set(suite.tags + test.tags)
        guard tags.isDisjoint(with: skipTags), self.tags.allSatisfy({ $0.matches(tags) }) else { return false }
        if let failed, !failed.contains(test, in: suite) { return false }
        guard !filters.isEmpty else { return true }
        let names = [suite.name, test.name, "\(suite.name) › \(test.name)"]
        return filters.contains { filter in
            let glob = Glob(filter, paths: false, caseInsensitive: true)
            if glob.isPattern { return names.contains(where: glob.matches) }
            let needle = filter.lowercased()
            return names.contains { $0.lowercased().contains(needle) }
        }
    }

    /// The suite with only the selected tests, in order, and a note for each test that comes along for another;
    /// nil when none of its tests matches.
    func select(_ suite: SuiteSpec) -> (suite: SuiteSpec, notes: [String])? {
        guard isActive else { return (suite, []) }
        // A filter (or the failures of the last run) may name some repetitions of a test repeated over a literal
        // list: it keeps just those.
        let tests = suite.tests.map { test -> TestSpec in
            guard let forEach = test.forEach, case .literal(let items) = forEach.source,
                failed != nil || (!filters.isEmpty && !matches(test, in: suite))
            else { return test }
            let kept = items.filter { item in
                guard let value = item.literal else { return false }
                var repetition = test
                repetition.name = ForEachSpec.caseName(test.name, item: value)
                return matches(repetition, in: suite)
            }
            guard !kept.isEmpty else { return test }
            var narrowed = test
            narrowed.forEach = ForEachSpec(source: .literal(kept), variable: forEach.variable, location: forEach.location)
            narrowed.selectedRepetitions = true
            return narrowed
        }
        var chosen = tests.map { $0.selectedRepetitions || matches($0, in: suite) }
        guard chosen.contains(true) else { return nil }
        var notes: [Int: String] = [:]
        // Walk back from each chosen test: the latest earlier test capturing a name it uses comes along (and, in
        // turn, what that one uses).
        for index in tests.indices.reversed() where chosen[index] {
            for name in tests[index].usedNames.sorted() {
                guard let provider = tests[..<index].lastIndex(where: { $0.captures.contains { $0.name == name } }) else { continue }
                if !chosen[provider] {
                    chosen[provider] = true
                    notes[provider] =
                        "\(suite.file): also running '\(tests[provider].name)': it captures '\(name)' for '\(tests[index].name)'"
                }
            }
        }
        let firstChosen = chosen.firstIndex(of: true) ?? 0
        for index in tests.indices where tests[index].always && !chosen[index] && index > firstChosen {
            chosen[index] = true
            notes[index] = "\(suite.file): also running '\(tests[index].name)': a cleanup (always: true)"
        }
        return (suite.running(tests.indices.filter { chosen[$0] }.map { tests[$0] }), notes.sorted { $0.key < $1.key }.map(\.value))
    }
}
