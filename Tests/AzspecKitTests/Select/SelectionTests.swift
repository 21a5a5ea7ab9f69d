import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// `--tag` expressions, globs, `--filter`, the chain a selection keeps, and `--shard`'s deal.
struct SelectionTests {
    private func suite(_ yaml: String) throws -> SuiteSpec {
        let loaded = SpecLoader().load(yaml: yaml, file: "specs/x.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        return try #require(loaded.suite)
    }

    @Test func tagExpressionsFollowPrecedenceAndParentheses() throws {
        let expression = try TagExpression(parsing: "smoke and not slow or rbac")
        #expect(expression == .or(.and(.tag("smoke"), .not(.tag("slow"))), .tag("rbac")))
        #expect(expression.matches(["smoke"]))
        #expect(!expression.matches(["smoke", "slow"]))
        #expect(expression.matches(["rbac", "slow"]))
        let grouped = try TagExpression(parsing: "smoke and (slow or rbac)")
        #expect(grouped.matches(["smoke", "rbac"]))
        #expect(!grouped.matches(["rbac"]))
        #expect(grouped.description == "smoke and (slow or rbac)")
        #expect(try TagExpression(parsing: "NOT  slow").matches([]))
    }

    @Test(arguments: [
        ("", "it is empty"), ("smoke and", "it ends where a tag was expected"), ("(smoke", "a '(' is not closed"),
        ("smoke slow", "unexpected 'slow'"), ("and smoke", "'and' where a tag was expected"),
        ("smo!ke", "tag 'smo!ke' must be 1 to 100 letters, digits, '_', '-' or '.'"),
    ])
    func badTagExpressionsSayWhatIsWrong(text: String, problem: String) {
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: text) }
        do {
            _ = try TagExpression(parsing: text)
        } catch {
            #expect(error.problem == problem)
        }
    }

    @Test func deeplyNestedExpressionsAreBoundedByLength() {
        let deep = String(repeating: "(", count: 2000) + "a" + String(repeating: ")", count: 2000)
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: deep) }
    }

    @Test func globsMatchPathsAndNames() {
        #expect(Glob("specs/wip/**", paths: true).matches("specs/wip/a/b.yaml"))
        #expect(Glob("specs/**/smoke-*.yaml", paths: true).matches("specs/smoke-a.yaml"))
        #expect(Glob("specs/**/smoke-*.yaml", paths: true).matches("specs/x/y/smoke-a.yaml"))
        #expect(!Glob("specs/*.yaml", paths: true).matches("specs/x/a.yaml"))
        #expect(Glob("specs/?.yaml", paths: true).matches("specs/a.yaml"))
        #expect(!Glob("specs/?.yaml", paths: true).matches("specs/ab.yaml"))
        #expect(Glob("*resource*", paths: false, caseInsensitive: true).matches("List Resource Groups"))
        #expect(!Glob("list", paths: false).isPattern)
        // Linear, not exponential: many stars against a long miss.
        let hostile = Glob(String(repeating: "*a", count: 200) + "b", paths: false)
        #expect(!hostile.matches(String(repeating: "a", count: 5000)))
    }

    @Test func tagsAreReadFromSuitesAndTestsAndChecked() throws {
        let spec = try suite(
            """
            name: s
            tags: [rbac]
            tests:
              - { name: a, tags: [smoke], request: { url: "http://127.0.0.1:9/" } }
            """)
        #expect(spec.tags == ["rbac"])
        #expect(spec.tests[0].tags == ["smoke"])
        let bad = SpecLoader().load(
            yaml: "name: s\ntags: smoke\ntests:\n  - { name: a, tags: [and], request: { url: 'http://127.0.0.1:9/' } }\n", file: "x.yaml")
        #expect(
            bad.diagnostics.map(\.description) == [
                "x.yaml:2:7: error: tags must be a list, such as tags: [smoke] or tags: [smoke, rbac]",
                "x.yaml:4:23: error: 'and' cannot be a tag: it is a word of --tag expressions",
            ])
    }

    @Test func aSelectedTestKeepsWhatItCapturesFromAndTheCleanups() throws {
        let spec = try suite(
            """
            name: chain
            tests:
              - name: token
                request: { url: "http://127.0.0.1:9/t" }
                capture: { token: $.access_token }
              - name: create
                tags: [write]
                request: { url: "http://127.0.0.1:9/c", headers: { Authorization: "Bearer {{token}}" } }
                capture: { id: $.id }
              - name: read
                tags: [smoke]
                request: { url: "http://127.0.0.1:9/r/{{id}}" }
              - name: unrelated
                tags: [smoke]
                request: { url: "http://127.0.0.1:9/u" }
              - name: delete
                always: true
                request: { method: DELETE, url: "http://127.0.0.1:9/d" }
            """)
        let selection = TestSelection(tags: [try TagExpression(parsing: "smoke")], skipTags: [])
        let (chosen, notes) = try #require(selection.select(spec))
        #expect(chosen.tests.map(\.name) == ["token", "create", "read", "unrelated", "delete"])
        #expect(
            notes == [
                "specs/x.yaml: also running 'token': it captures 'token' for 'create'",
                "specs/x.yaml: also running 'create': it captures 'id' for 'read'",
                "specs/x.yaml: also running 'delete': a cleanup (always: true)",
            ])
        let only = TestSelection(filters: ["unrelated"])
        #expect(try #require(only.select(spec)).suite.tests.map(\.name) == ["unrelated", "delete"])
        let skipped = TestSelection(skipTags: ["smoke"])
        #expect(try #require(skipped.select(spec)).suite.tests.map(\.name) == ["token", "create", "delete"])
        #expect(TestSelection(filters: ["nothing like it"]).select(spec) == nil)
        // A filter on the suite's name takes every test; a glob must match a name whole.
        #expect(try #require(TestSelection(filters: ["CHAIN"]).select(spec)).suite.tests.count == 5)
        #expect(
            try #require(TestSelection(filters: ["re*"]).select(spec)).suite.tests.map(\.name) == ["token", "create", "read", "delete"])
    }

    @Test(arguments: [
        ("0/0", "the count must be from 1 to 1000"), ("3/2", "the index must be from 1 to 2 (shards are numbered from 1)"),
        ("0/2", "the index must be from 1 to 2 (shards are numbered from 1)"), ("1", "write it as INDEX/COUNT, such as 1/4"),
        ("a/b", "write it as INDEX/COUNT, such as 1/4"), ("1/1001", "the count must be from 1 to 1000"),
    ])
    func badShardsAreRefused(text: String, problem: String) {
        do {
            _ = try Shard(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description == "--shard '\(text)': \(problem)")
        }
    }

    @Test func shardsTakeEveryFileOnceBalancedAndStable() throws {
        let weights = (0..<23).map { (path: "specs/\(String(format: "%02d", $0)).yaml", tests: 1 + ($0 * 7) % 11) }
        for count in 1...6 {
            let shards = Shard.deal(weights: weights, into: count)
            let all = shards.flatMap { $0 }.sorted()
            #expect(all == Array(weights.indices), "every file exactly once with \(count) shards")
            let loads = shards.map { $0.reduce(0) { $0 + weights[$1].tests } }
            let heaviest = weights.map(\.tests).max() ?? 0
            #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= heaviest, "balanced within one file: \(loads)")
            // The same files in another order deal the same way.
            let reversed = Shard.deal(weights: weights.reversed(), into: count)
            let mapped = reversed.map { $0.map { weights.count - 1 - $0 }.sorted() }
            #expect(mapped == shards)
        }
        #expect(Shard.deal(weights: [("a.yaml", 3)], into: 3) == [[0], [], []])
    }
}
