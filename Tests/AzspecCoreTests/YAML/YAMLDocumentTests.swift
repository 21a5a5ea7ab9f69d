import AzspecCore
import Testing
import Yams

@Suite struct YAMLDocumentTests {
    @Test func composesPlainYAML() throws {
        let (root, diagnostics) = YAMLDocument.compose("a: 1\nb: [x, y]\n", file: "f.yaml")
        #expect(diagnostics.isEmpty)
        #expect(root?.mapping?.count == 2)
    }

    @Test func refusesAnAnchorAtItsLocation() {
        let (root, diagnostics) = YAMLDocument.compose("a: &big [1, 2]\nb: *big\n", file: "f.yaml")
        #expect(root == nil)
        #expect(
            diagnostics.map(\.description) == [
                "f.yaml:1:4: error: YAML anchors are not supported (&big): write the value out, or use a variable",
                "f.yaml:2:4: error: YAML aliases are not supported (*big): write the value out, or use a variable",
            ])
    }

    /// Nine levels of ten aliases each stand for 10⁹ strings; refusing them visits each written node once.
    @Test(.timeLimit(.minutes(1))) func refusesBillionLaughsWithoutExpandingThem() {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "request: { json: *a9 }\n"
        let (root, diagnostics) = YAMLDocument.compose(yaml, file: "laughs.yaml")
        #expect(root == nil)
        #expect(diagnostics.count == 20, "the first 20 anchors and aliases, then the scan stops")
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func reportsSyntaxErrorsAtTheirMark() {
        let (root, diagnostics) = YAMLDocument.compose("a: [1, 2\n", file: "f.yaml")
        #expect(root == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML:") == true)
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func callsAnEmptyFileEmpty() {
        #expect(YAMLDocument.compose("", file: "f.yaml").diagnostics.map(\.message) == ["the file is empty"])
    }
}
