import AzspecCore
import Foundation
import JSONPath
import Testing

/// Runs the JSONPath Compliance Test Suite (RFC 9535) from `../shared/jsonpath-cts/cts.json`
/// relative to the package root.
struct ComplianceSuiteTests {
    /// `<package>/../shared/jsonpath-cts/cts.json`, computed from this file's path
    /// (`<package>/Tests/JSONPathTests/ComplianceSuiteTests.swift`).
    static let ctsPath: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // JSONPathTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()  // parent of the package
            .appendingPathComponent("shared/jsonpath-cts/cts.json")
            .path
    }()

    static let ctsPresent: Bool = {
        let present = FileManager.default.fileExists(atPath: ctsPath)
        if !present {
            print("SKIPPED: JSONPath CTS not found at \(ctsPath)")
        }
        return present
    }()

    /// One CTS case after decoding.
    struct Case {
        var name: String
        var selector: String
        var invalid: Bool
        var document: JSONValue?
        /// Acceptable (values, paths) outcomes; empty for invalid-selector cases.
        var outcomes: [(values: [JSONValue], paths: [String])]
    }

    static func loadCases() throws -> [Case] {
        let data = try Data(contentsOf: URL(fileURLWithPath: ctsPath))
        let suite = try JSONValue(parsing: [UInt8](data))
        let tests = try #require(suite["tests"]?.arrayValue)
        return try tests.map { test in
            let name = try #require(test["name"]?.stringValue)
            let selector = try #require(test["selector"]?.stringValue, "\(name): selector")
            if test["invalid_selector"]?.boolValue == true {
                return Case(name: name, selector: selector, invalid: true, document: nil, outcomes: [])
            }
            let document = try #require(test["document"], "\(name): document")
            var outcomes: [(values: [JSONValue], paths: [String])] = []
            if let result = test["result"]?.arrayValue {
                let paths = try #require(test["result_paths"]?.arrayValue, "\(name): result_paths")
                outcomes.append((result, paths.compactMap(\.stringValue)))
            } else {
                let results = try #require(test["results"]?.arrayValue, "\(name): results")
                let paths = try #require(test["results_paths"]?.arrayValue, "\(name): results_paths")
                for (r, p) in zip(results, paths) {
                    outcomes.append((r.arrayValue ?? [], (p.arrayValue ?? []).compactMap(\.stringValue)))
                }
            }
            return Case(name: name, selector: selector, invalid: false, document: document, outcomes: outcomes)
        }
    }

    /// `nil` when the case passes, else why it failed.
    static func run(_ c: Case) -> String? {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(c.selector)
        } catch {
            return c.invalid ? nil : "valid selector rejected: \(error)"
        }
        if c.invalid { return "invalid selector accepted" }
        guard let document = c.document else { return "no document" }
        let nodes = query.select(in: document)
        let values = nodes.map(\.value)
        let paths = nodes.map(\.location)
        let valuesOnly = query.values(in: document)
        if valuesOnly != values { return "values(in:) differs from select(in:): \(valuesOnly) vs \(values)" }
        for outcome in c.outcomes where outcome.values == values && outcome.paths == paths {
            return nil
        }
        let got = "values \(JSONValue.array(values).serialized), paths \(paths)"
        let expected = c.outcomes.map { "values \(JSONValue.array($0.values).serialized), paths \($0.paths)" }
        return "got \(got); expected \(expected.joined(separator: " or "))"
    }

    // The CTS lives outside the package; when it is missing this test is skipped (and
    // the skip is printed above), never silently passed.
    @Test("JSONPath Compliance Test Suite", .enabled(if: ComplianceSuiteTests.ctsPresent, "CTS file not found"))
    func complianceSuite() throws {
        let started = ContinuousClock.now
        let cases = try Self.loadCases()
        #expect(cases.count == 703)
        var passCount = 0
        for c in cases {
            if let failure = Self.run(c) {
                Issue.record("CTS case failed: \(c.name) — selector \(c.selector.debugDescription): \(failure)")
            } else {
                passCount += 1
            }
        }
        print("JSONPath CTS: \(passCount)/\(cases.count) passed in \(ContinuousClock.now - started)")
        #expect(passCount == cases.count)
    }

    /// A large body is built only as far as its assertions read it (`JSONProjection`): for every valid CTS case, the
    /// query selects the same values at the same paths from the document built from its own projection as from the
    /// whole document. Wildcards, slices, negative indices, descendants and filters included.
    @Test(.enabled(if: ComplianceSuiteTests.ctsPresent, "CTS file not found"))
    func queriesSelectTheSameFromTheirProjection() throws {
        var compared = 0
        var leftSomethingOut = 0
        for c in try Self.loadCases() where !c.invalid {
            guard let document = c.document, let query = try? JSONPathQuery(c.selector) else { continue }
            let projected = try JSONValue(parsing: Array(document.serialized.utf8), keeping: query.projection)
            let whole = query.select(in: document)
            let partial = query.select(in: projected)
            #expect(partial.map(\.value) == whole.map(\.value), "\(c.name): \(c.selector)")
            #expect(partial.map(\.location) == whole.map(\.location), "\(c.name): \(c.selector)")
            compared += 1
            if projected != document { leftSomethingOut += 1 }
        }
        #expect(compared > 400, "the valid cases with a document")
        #expect(leftSomethingOut > 20, "the projection leaves parts out in many cases: \(leftSomethingOut)")
    }
}
