import AzspecCore
import Foundation
import Testing

/// The schema's shared regular expressions, checked with an ECMA-like engine (ICU's, through NSRegularExpression).
@Suite struct FormatPatternTests {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        try matches(NSRegularExpression(pattern: pattern), text)
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let words = [
        "equals", "notEquals", "exists", "type", "contains", "matches", "lt", "le", "gt", "ge", "length", "oneOf", "not",
        "each", "has", "unordered", "jwt",
    ]

    /// Deterministic pseudo-random edits (a linear congruential generator), so that a failure can be reproduced.
    struct Edits {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func edited(_ word: String) -> String {
            var characters = Array(word)
            let alphabet = Array("aeilnqstuxEQL_1 ")
            for _ in 0..<next(6) {
                let position = next(characters.count + 1)
                switch next(3) {
                case 0 where !characters.isEmpty: characters.remove(at: min(position, characters.count - 1))
                case 1: characters.insert(alphabet[next(alphabet.count)], at: position)
                default:
                    if !characters.isEmpty { characters[min(position, characters.count - 1)] = alphabet[next(alphabet.count)] }
                }
            }
            return String(characters)
        }
    }

    @Test func aMisspellingIsWhatTheLoadersDidYouMeanTakesForOne() throws {
        let pattern = FormatPattern.misspelling(of: Self.words)
        let expression = try NSRegularExpression(pattern: pattern)  // compiled once: it is large
        var edits = Edits()
        var taken = 0
        for round in 0..<1500 {
            let text = edits.edited(Self.words[round % Self.words.count])
            let expected = Suggestion.closest(to: text, in: Self.words) != nil
            #expect(Self.matches(expression, text) == expected, "'\(text)'")
            if expected { taken += 1 }
        }
        #expect((300..<1200).contains(taken), "both answers are exercised: \(taken) of 1500 taken for a misspelling")
        for (text, expected) in [("lenght", true), ("shema", false), ("equal", true), ("EQUALS", true), ("location", false)] {
            #expect(Self.matches(expression, text) == expected, "'\(text)'")
        }
    }

    @Test func anyCaseMatchesEveryCaseOfTheWordsOnly() throws {
        let pattern = FormatPattern.anyCase(oneOf: ["GET", "resourceGroups"])
        #expect(pattern == #"^(?:[gG][eE][tT]|[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS])(?![\s\S])"#)
        for (text, expected) in [("get", true), ("gEt", true), ("RESOURCEGROUPS", true), ("gets", false), ("ge", false)] {
            #expect(try Self.matches(pattern, text) == expected, "'\(text)'")
        }
        #expect(FormatPattern.anyCase("a.b") == #"[aA]\.[bB]"#)
    }

    @Test(arguments: [
        (FormatPattern.template, "Bearer {{token}}", true), (FormatPattern.template, "{{ env.HOME }}/x", true),
        (FormatPattern.template, "{{token", false), (FormatPattern.template, "{{a b}}", false),
        (FormatPattern.status, "2xx", true), (FormatPattern.status, "404", true), (FormatPattern.status, "600", false),
        (FormatPattern.action, "Microsoft.Storage/storageAccounts/read", true), (FormatPattern.action, "*", true),
        (FormatPattern.action, "*/read", true), (FormatPattern.action, "Microsoft.*/*/read", false),
        (FormatPattern.exactAction, "Microsoft.Resources/subscriptions/resourceGroups/write", true),
        (FormatPattern.exactAction, "Microsoft.Resources/*", false),
        (FormatPattern.armScope, "/subscriptions/s/resourceGroups/rg", true), (FormatPattern.armScope, "/tenants/t", false),
        (FormatPattern.guid, "00000000-0000-0000-0000-00000000000a", true), (FormatPattern.guid, "0000", false),
        (FormatPattern.identifier, "_a-1", true), (FormatPattern.identifier, "1a", false),
    ])
    func sharedPatternsTakeWhatTheyDescribe(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try Self.matches(pattern, text) == expected)
    }
}
