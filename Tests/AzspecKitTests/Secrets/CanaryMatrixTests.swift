import Foundation
import Testing

@testable import AzspecKit

/// Each canary secret × each encoding a server, serializer or formatter may give it × each way azspec shortens,
/// escapes or writes text: no 12-character piece of any canary may survive. (The end-to-end matrix, through the
/// binary, is `EndToEndTests/CanaryMatrixTests`.)
@Suite struct CanaryMatrixTests {
    /// A client-secret canary made at run time, so that nothing secret-looking is committed.
    static let clientSecret = "canary~" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ".") + "_-x"

    /// The canaries, one per kind of secret azspec holds.
    static let canaries: [(kind: String, value: String)] = [
        ("client secret", clientSecret),
        ("certificate key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7canaryKeyMaterial+/"),
        (
            "client assertion",
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsIng1dCI6ImNhbmFyeSJ9.eyJhdWQiOiJodHRwczovL2xvZ2luIn0.c2lnbmF0dXJlLWNhbmFyeQ"
        ),
        ("federated token", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImZlZGVyYXRlZCJ9.eyJzdWIiOiJyZXBvOmNhbmFyeSJ9.ZmVkZXJhdGVkLXNpZ25hdHVyZQ"),
        ("bearer token", "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJjYW5hcnktYmVhcmVyIn0.YmVhcmVyLXNpZ25hdHVyZS1jYW5hcnk"),
        ("captured secret: true", "captured/canary+value=with&symbols é \"quoted\" \u{1B}[0m end"),
    ]

    /// The encodings: how each canary may appear in text azspec is about to write.
    static let encodings: [(name: String, encode: @Sendable (String) -> String)] = [
        ("raw", { $0 }),
        ("JSON-escaped", { jsonString($0, slashes: false, ascii: false) }),
        ("JSON-escaped with \\/", { jsonString($0, slashes: true, ascii: false) }),
        ("JSON-escaped, ASCII only", { jsonString($0, slashes: true, ascii: true) }),
        ("percent-encoded", { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0 }),
        ("percent-encoded, lower-case hex", { lowerHex($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }),
        ("form-encoded", { formEncoded($0) }),
        ("Swift-escaped", { String(String(reflecting: $0).dropFirst().dropLast()) }),
        ("Swift debugDescription in an array", { "\([$0])" }),
        ("base64", { Data($0.utf8).base64EncodedString() }),
        ("base64 after one byte", { Data(("u:" + $0).utf8).base64EncodedString() }),
        ("base64 after two bytes", { Data(("us:" + $0).utf8).base64EncodedString() }),
        ("base64, JSON-escaped with \\/", { jsonString(Data(("us:" + $0).utf8).base64EncodedString(), slashes: true, ascii: false) }),
        (
            "base64url",
            {
                Data(("user:" + $0).utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
                    of: "/", with: "_")
            }
        ),
    ]

    /// Every output path that shortens, escapes or writes text, given a redactor that knows the canary.
    static func outputs(of text: String, secrets: [String]) -> [(path: String, text: String)] {
        let redactor = Redactor(secrets: secrets)
        var results: [(String, String)] = [("redact", redactor.redact(text))]
        for limit in stride(from: 8, through: text.count + 2, by: 5) {
            results.append(("truncate to \(limit)", redactor.truncate(text, to: limit)))
            results.append(("clip to \(limit)", redactor.clip(text, lines: 3, characters: limit)))
            // Someone who cut without redacting first: the redactor masks the fragment left at the cut.
            results.append(("cut, then redacted, at \(limit)", redactor.redact(String(text.prefix(limit)) + "…")))
        }
        let store = SecretStore(secrets)
        results.append(("console sink", OutputSink(secrets: store, colours: false, out: { _ in }, error: { _ in }).clean(text)))
        results.append(
            ("console sink, colour terminal", OutputSink(secrets: store, colours: true, out: { _ in }, error: { _ in }).clean(text)))
        let problem = Problem(message: text, type: "AssertionFailure", details: "got \(text)\n\(text)")
        let report = RunReport(
            suites: [
                SuiteReport(
                    name: "s", file: "s.yaml", timestamp: Date(), duration: 0,
                    cases: [
                        CaseReport(name: "c", line: 1, duration: 0, outcome: .failed(problem), output: text)
                    ])
            ],
            startedAt: Date(), duration: 0)
        for style in [JUnitWriter.Style.jenkins, .antStrict] {
            let xml = JUnitWriter(style: style, redactor: redactor).render(report)
            results.append(("JUnit \(style)", xml))
            results.append(("JUnit \(style), entities decoded", decodeEntities(xml)))
        }
        return results
    }

    @Test(arguments: canaries.indices)
    func noTwelveCharacterPieceOfACanarySurvives(_ index: Int) {
        let (kind, canary) = Self.canaries[index]
        // JWT-shaped canaries are masked even if never registered; the others are registered as a run would.
        for (encoding, encode) in Self.encodings {
            let text = "before \(encode(canary)) after"
            for (path, output) in Self.outputs(of: text, secrets: [canary]) {
                #expect(Self.leak(of: canary, in: output) == nil, "\(kind), \(encoding), \(path): \(output)")
            }
            if canary.hasPrefix("eyJ"),
                ["raw", "JSON-escaped", "JSON-escaped with \\/", "percent-encoded", "form-encoded", "Swift-escaped"].contains(encoding)
            {
                for (path, output) in Self.outputs(of: text, secrets: []) {
                    #expect(Self.leak(of: canary, in: output) == nil, "unregistered \(kind), \(encoding), \(path): \(output)")
                }
            }
        }
    }

    /// A long text (a 50 MB body in a failure) is redacted only as far as a cut can show, plus room for a whole
    /// secret: each canary in each encoding, placed across the cut of a 300 KB text, is still masked, registered or (a
    /// JWT) not, and so is a 20 KB unregistered JWT that starts just before the cut.
    @Test(arguments: canaries.indices)
    func aSecretAcrossTheCutOfALongTextIsMasked(_ index: Int) {
        let (kind, canary) = Self.canaries[index]
        let limit = 400
        for (encoding, encode) in Self.encodings {
            let encoded = encode(canary)
            let text = String(repeating: "a", count: limit - 10) + encoded + String(repeating: "z", count: 300_000)
            let registered = Redactor(secrets: [canary])
            let unregistered = Redactor()
            let outputs = [
                registered.clip(text, lines: 20, characters: limit), registered.truncate(text, to: limit),
            ]
            for output in outputs {
                #expect(Self.leak(of: canary, in: output) == nil, "\(kind), \(encoding): \(output.suffix(200))")
            }
            if canary.hasPrefix("eyJ"), encoding == "raw" {
                #expect(Self.leak(of: canary, in: unregistered.clip(text, lines: 20, characters: limit)) == nil, "unregistered \(kind)")
            }
        }
        let payload = Data(String(repeating: "{\"groups\":[\"g\"]}", count: 1_200).utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
        let bigJWT = "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2lnbmF0dXJl"
        let text =
            "{\"token\": \"" + String(repeating: "a", count: limit - 40) + " " + bigJWT + "\", \"rest\": \""
            + String(repeating: "z", count: 300_000) + "\"}"
        let clipped = Redactor().clip(text, lines: 20, characters: limit)
        #expect(!clipped.contains(String(payload.prefix(12))), "\(clipped)")
        #expect(clipped.hasSuffix("(\(text.utf8.count) bytes in all)"), "\(clipped.suffix(80))")
    }

    @Test func maskedTextStillReadsAroundTheSecret() {
        let secret = Self.clientSecret
        let redactor = Redactor(secrets: [secret])
        #expect(redactor.redact(#"{"client_secret":"\#(secret)"}"#) == #"{"client_secret":"***"}"#)
        #expect(redactor.redact("client_secret=\(secret)&x=1") == "client_secret=***&x=1")
        #expect(redactor.truncate("got \"\(secret)\" and more", to: 12) == "got \"***\" a…")
        #expect(redactor.redact("a JWT eyJhbGciOiJub25lIn0.eyJhIjoxfQ.sig stays out") == "a JWT *** stays out")
        #expect(redactor.redact("no secret here: eyJustAWord") == "no secret here: eyJustAWord")
    }

    /// A secret whose second character is the first one escaped, and a secret that holds escape introducers itself.
    @Test func escapesRightAfterTheFirstCharacterAndRawIntroducersAreMasked() {
        let slash = Redactor(secrets: ["a/bcdefghijkl"])
        #expect(slash.redact("x a%2Fbcdefghijkl y") == "x *** y")
        #expect(slash.redact(#"x a\/bcdefghijkl y"#) == "x *** y")
        let plus = Redactor(secrets: ["a+bcdefghijkl"])
        #expect(plus.redact(#"x a\u002Bbcdefghijkl y"#) == "x *** y")
        let percent = Redactor(secrets: ["p%25q\\\\rstuvwxyz"])
        #expect(percent.redact("x p%25q\\\\rstuvwxyz y") == "x *** y")
    }

    @Test func controlCharactersBecomeVisibleAndOnlyOurColoursStay() {
        let sink = OutputSink(secrets: SecretStore(), colours: true, out: { _ in }, error: { _ in })
        #expect(sink.clean("\u{1B}[32m✓\u{1B}[0m ok") == "\u{1B}[32m✓\u{1B}[0m ok")
        #expect(sink.clean("title\u{1B}]0;pwned\u{07} bell\r\0") == "title\\x1B]0;pwned\\x07 bell\\r\\x00")
        let plain = OutputSink(secrets: SecretStore(), colours: false, out: { _ in }, error: { _ in })
        #expect(plain.clean("\u{1B}[31mred\u{1B}[0m\u{9B}2J") == "\\x1B[31mred\\x1B[0m\\u{9B}2J")
        #expect(plain.clean("forged\r\nX-Injected: 1") == "forged\\r\nX-Injected: 1")
    }

    /// The first 12-character piece of `canary` found in `output` (or in it with its escapes undone), or nil.
    static func leak(of canary: String, in output: String) -> String? {
        let characters = Array(canary)
        guard characters.count >= 12 else { return nil }
        for start in 0...(characters.count - 12) {
            let piece = String(characters[start..<(start + 12)])
            if output.contains(piece) { return piece }
        }
        return nil
    }

    static func jsonString(_ text: String, slashes: Bool, ascii: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/" where slashes: result += "\\/"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 || (ascii && !scalar.isASCII) {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~ ")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+")
    }

    static func lowerHex(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if character == "%" {
                pending = 2; result.append(character)
            } else if pending > 0 {
                pending -= 1; result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func decodeEntities(_ xml: String) -> String {
        xml.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&#9;", with: "\t").replacingOccurrences(of: "&#13;", with: "\r")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
