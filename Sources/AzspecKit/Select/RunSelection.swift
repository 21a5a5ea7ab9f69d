/// The suites a run takes after `--filter`/`--tag`/`--skip-tag` and `--shard`: files with no selected test drop
/// out, then the shard takes its part of the rest (dealt by selected test count).
struct RunSelection {
    let plans: [SuitePlan]
    /// Tests that came along for a selected one (captures it needs, cleanups).
    let notes: [String]
    /// The selection is active and matched no test in any file (before sharding).
    let matchedNothing: Bool

    init(plans: [SuitePlan], selection: TestSelection, shard: Shard?) {
        var selected: [SuitePlan] = []
        var notes: [String] = []
        for var plan in plans {
            guard let (suite, suiteNotes) = selection.select(plan.suite) else { continue }
            plan.suite = suite
            selected.append(plan)
            notes += suiteNotes
        }
        matchedNothing = selection.isActive && selected.isEmpty
        if let shard {
            let positions = Set(shard.positions(weights: selected.map { ($0.suite.file, $0.suite.tests.count) }))
            selected = selected.indices.filter(positions.contains).map { selected[$0] }
            let files = Set(selected.map(\.suite.file))
            notes = notes.filter { note in files.contains { note.hasPrefix($0 + ": ") } }
        }
        self.plans = selected
        self.notes = notes
    }
}
