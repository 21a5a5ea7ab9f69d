import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// The execution stages over a stand-in transport (no socket): what reaches a report when an exchange carries a
/// secret, in each way a test can fail.
@Suite struct ExecutionStagesTests {
    /// Answers every request with `body` (status 200 unless given), and remembers what was sent.
    struct StubTransport: HTTPSending {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: String
        let sent = Sent()

        init(status: Int = 200, headers: [(name: String, value: String)] = [("Content-Type", "application/json")], body: String) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        func send(_ request: PreparedRequest) async throws(TransportError) -> HTTPResponse {
            sent.append(request)
            return HTTPResponse(status: status, reason: "OK", headers: headers, body: Array(body.utf8))
        }

        final class Sent: Sendable {
            private let requests = LockedBox<[PreparedRequest]>([])
            func append(_ request: PreparedRequest) { requests.withLock { $0.append(request) } }
            var count: Int { requests.withLock { $0.count } }
        }
    }

    /// Made at run time, so that nothing secret-looking is committed.
    static let canary = "canary~" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ".") + "_-x"
    static let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJjYW5hcnktYmVhcmVyIn0.YmVhcmVyLXNpZ25hdHVyZS1jYW5hcnk"

    /// Runs the first test of `yaml` over `transport` and returns its report and every text it holds.
    func run(
        _ yaml: String, over transport: StubTransport, verbose: Bool = true, environment: [String: String] = [:]
    )
        async throws -> (report: CaseReport, texts: [String])
    {
        let loaded = SpecLoader().load(yaml: yaml, file: "stub.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let test = try #require(loaded.suite?.tests.first)
        let secrets = SecretStore(environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
        let context = RunContext(
            configuration: RunConfiguration(environment: environment, cloud: .azureCloud), transport: transport, secrets: secrets,
            warnings: RunWarnings(), tokens: TokenCache(), verbose: verbose)
        var scope = TemplateScope(values: [:], environment: environment, cloud: .azureCloud)
        let report = await SecretStore.$current.withValue(secrets) {
            await TestExecution(test: test, context: context, credential: nil).run(capturingInto: &scope)
        }
        var texts = [report.output ?? ""]
        switch report.outcome {
        case .failed(let problem), .errored(let problem): texts += [problem.message, problem.details]
        default: break
        }
        let sink = OutputSink(secrets: secrets, colours: false, out: { _ in }, error: { _ in })
        texts += ConsoleReporter.lines(for: report, style: ConsoleStyle(color: false), verbose: verbose).map(sink.clean)
        let suite = SuiteReport(name: "s", file: "stub.yaml", timestamp: Date(), duration: 0, cases: [report])
        let run = RunReport(suites: [suite], startedAt: Date(), duration: 0)
        texts += [JUnitWriter.Style.jenkins, .antStrict].map { JUnitWriter(style: $0, redactor: secrets.redactor).render(run) }
        return (report, texts)
    }

    func expectNoLeak(of canary: String, in texts: [String], _ comment: Comment? = nil) {
        for text in texts {
            #expect(CanaryMatrixTests.leak(of: canary, in: text) == nil, "\(comment ?? "") \(text)")
        }
    }

    @Test func aFailingAssertionOnATokenNeverShowsIt() async throws {
        let transport = StubTransport(body: #"{"token_type":"Bearer","access_token":"\#(Self.token)"}"#)
        let (report, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request: { url: "https://login.example/token" }
                expect: { json: { $.access_token: { equals: x } } }
            """, over: transport)
        #expect(!report.outcome.isPassed)
        #expect(texts.contains { $0.contains(#"$.access_token: expected "x", got "***""#) }, "\(texts)")
        expectNoLeak(of: Self.token, in: texts)
    }

    /// JSON that escapes the token (`\/` as PHP writes it, `\u00XX` for every character) is still the token.
    @Test(arguments: [#"\/"#, #"\u002f"#])
    func escapedTokensInVerboseBodiesAreMasked(_ slash: String) async throws {
        let escaped = "eyJ0eXAiOiJKV1Qi" + slash + "canary" + slash + "Secret_0123456789_token"
        let raw = escaped.replacingOccurrences(of: slash, with: "/")
        let transport = StubTransport(body: #"{"access_token":"\#(escaped)","note":"\#(escaped)"}"#)
        let (_, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request: { url: "https://login.example/token" }
                expect: { status: 500 }
            """, over: transport)
        expectNoLeak(of: raw, in: texts)
        expectNoLeak(of: escaped, in: texts)
    }

    @Test func aSecretCaptureIsMaskedWhenItsTestFails() async throws {
        let value = "captured/canary+value=with&symbols"
        let transport = StubTransport(body: #"{"key":"\#(value)","other":1}"#)
        let (report, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request: { url: "https://management.example/keys" }
                expect: { json: { $.other: 2 } }
                capture: { key: { json: $.key, secret: true } }
            """, over: transport)
        #expect(!report.outcome.isPassed)
        expectNoLeak(of: value, in: texts)
    }

    @Test func aCaptureThatFailsStillMasksTheTokenFields() async throws {
        let transport = StubTransport(body: #"{"access_token":"\#(Self.token)"}"#)
        let (report, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request: { url: "https://login.example/token" }
                capture: { missing: $.nothing }
            """, over: transport)
        guard case .failed = report.outcome else { Issue.record("expected a failure, got \(report.outcome)"); return }
        expectNoLeak(of: Self.token, in: texts)
    }

    @Test func aSecretSentInAFormIsMaskedInTheTranscript() async throws {
        let transport = StubTransport(status: 401, body: #"{"error":"invalid_client","echo":"client_secret=\#(Self.canary)"}"#)
        let (_, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request:
                  method: POST
                  url: "https://login.example/token"
                  form: { client_secret: "{{env.MY_CLIENT_SECRET}}" }
                expect: { status: 200 }
            """, over: transport, environment: ["MY_CLIENT_SECRET": Self.canary])
        expectNoLeak(of: Self.canary, in: texts)
        #expect(texts.contains { $0.contains("client_secret=***") })
    }

    @Test func aHeaderValueWithALineFeedIsRefusedBeforeSending() async throws {
        let transport = StubTransport(body: "{}")
        let (report, texts) = try await run(
            """
            name: s
            tests:
              - name: t
                request: { url: "https://management.example/", headers: { X-Value: "{{env.MY_TOKEN}}" } }
            """, over: transport, environment: ["MY_TOKEN": "line\r\nX-Injected: \(Self.canary)"])
        #expect(transport.sent.count == 0)
        guard case .errored(let problem) = report.outcome else {
            Issue.record("expected an error, got \(report.outcome)")
            return
        }
        #expect(
            problem.message
                == "stub.yaml:4:72: header 'X-Value', its placeholders filled in, contains a carriage return (U+000D), which no header value may hold; nothing was sent"
        )
        expectNoLeak(of: Self.canary, in: texts)
    }
}
