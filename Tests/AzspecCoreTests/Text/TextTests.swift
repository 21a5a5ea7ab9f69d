import AzspecCore
import Testing

@Suite struct TextTests {
    @Test(
        arguments: [
            ("Content-Type", "content-type", true), ("AUTHORIZATION", "authorization", true), ("x-ms-a", "X-MS-A", true),
            ("Content-Type", "content-typ", false), ("a", "b", false), ("", "", true),
            // Only letters fold: `@` (0x40) and `` ` `` (0x60), `[` and `{` differ in the same bit and must not match.
            ("@", "`", false), ("[", "{", false), ("é", "É", false),
        ])
    func headerNamesCompareWithoutASCIICase(_ first: String, _ second: String, _ equal: Bool) {
        #expect(first.equalsIgnoringASCIICase(second) == equal)
        #expect(second.equalsIgnoringASCIICase(first) == equal)
    }

    @Test func searchesIgnoreASCIICase() throws {
        let url = "https://management.azure.com/SUBSCRIPTIONS/abc/resourceGroups?api-version=1"
        let range = try #require(url.rangeIgnoringASCIICase(of: "/subscriptions/"))
        #expect(url[range] == "/SUBSCRIPTIONS/")
        #expect(url[range.upperBound...].hasPrefix("abc/"))
        #expect(url.containsIgnoringASCIICase("API-VERSION="))
        #expect(!url.containsIgnoringASCIICase("api-versions"))
        #expect("subscription".rangeIgnoringASCIICase(of: "subscriptions") == nil, "a needle longer than the text")
        #expect("aaab".rangeIgnoringASCIICase(of: "aab").map { "aaab"[$0] } == "aab", "a partial match is retried one byte on")
        #expect("x".rangeIgnoringASCIICase(of: "") == "x".startIndex..<"x".startIndex)
    }

    @Test func whitespaceIsTrimmedAtBothEnds() {
        #expect("  token \t".trimmingWhitespace == "token")
        #expect("\u{00A0}name\u{2003}".trimmingWhitespace == "name", "Unicode spaces too")
        #expect("in side".trimmingWhitespace == "in side")
        #expect(" \n ".trimmingWhitespace == "")
    }
}
