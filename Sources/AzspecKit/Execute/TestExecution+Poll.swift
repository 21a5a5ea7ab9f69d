import AzspecCore
import Foundation

/// `poll`: ARM's asynchronous pattern followed to its end (azure-protocol.md §5.7): `Azure-AsyncOperation` first
/// (a status resource: InProgress → Succeeded, Failed or Canceled), else `Location` (202 until 200 or 204), else a
/// PUT's or PATCH's `provisioningState`; each wait as `Retry-After` says, all under the poll's deadline. The
/// assertions see the final result; `expect.initialStatus` checks the first response.
extension TestExecution {
    static let terminalStates: Set<String> = ["succeeded", "failed", "canceled", "cancelled"]
    /// Polls per operation at most, whatever the deadline.
    static let maximumPolls = 1000
    /// The wait between polls when the server names none.
    static let defaultPollInterval = 2.0

    func poll(_ first: Exchange, token: AccessToken?, within timeout: Double) async -> Result<Exchange, StageEnd> {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        let response = first.response
        let method = first.request.method
        if let operation = response.header("Azure-AsyncOperation") {
            return await follow(first, url: operation, token: token, deadline: deadline, timeout: timeout, kind: .statusResource)
        }
        if response.status == 202, let location = response.header("Location") {
            return await follow(first, url: location, token: token, deadline: deadline, timeout: timeout, kind: .location)
        }
        if ["PUT", "PATCH"].contains(method), (200..<300).contains(response.status),
            let state = first.body.json?["properties"]?["provisioningState"]?.stringValue,
            !Self.terminalStates.contains(state.lowercased())
        {
            return await follow(first, url: first.request.url, token: token, deadline: deadline, timeout: timeout, kind: .resource)
        }
        log.add("poll: the first response (\(response.status)) was already final; nothing to poll")
        return .success(first)
    }

    enum PollKind {
        case statusResource
        case location
        case resource
    }

    private func follow(
        _ first: Exchange, url: String, token: AccessToken?, deadline: ContinuousClock.Instant, timeout: Double, kind: PollKind
    ) async -> Result<Exchange, StageEnd> {
        func stop(_ problem: String, _ exchange: Exchange, type: String = "OperationFailed") -> Result<Exchange, StageEnd> {
            let message = "poll: \(problem)"
            return .failure(StageEnd(errored(message, type: type, details: message, exchange: exchange)))
        }
        guard TokenRouting.sameOrigin(url, as: first.request.url) else {
            return stop(
                "the operation URL leads to another origin (\(Origin(url: url)?.description ?? url)); nothing was sent there", first,
                type: "PollingError")
        }
        if let problem = RequestSyntax.urlProblem(url) { return stop("the operation URL \(problem)", first, type: "PollingError") }
        var last = first
        for count in 1...Self.maximumPolls {
            // Clamped to the poll's own timeout, so that no server value can overflow the clock.
            let wait = min(RetryPolicy.requestedDelay(last.response)?.seconds ?? Self.defaultPollInterval, timeout + 1)
            let remaining = deadline - ContinuousClock.now
            guard remaining > .milliseconds(Int64(wait * 1000)) else {
                return stop(
                    "the operation did not finish within \(Self.seconds(timeout)) (\(count - 1) poll\(count == 2 ? "" : "s"); last: \(Self.state(of: last, kind)))",
                    last, type: "OperationTimeout")
            }
            do {
                try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            } catch {
                return stop("interrupted while waiting for the operation", last, type: "OperationTimeout")
            }
            var request = first.request.followUp(url)
            // Each poll ends by the deadline too.
            let left = deadline - ContinuousClock.now
            request.timeout = max(0.001, min(request.timeout, Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18))
            let response: HTTPResponse
            switch await send(&request, token: token) {
            case .failure(let end): return .failure(end)
            case .success(let reply): response = reply
            }
            let exchange = Exchange(request: request, response: response)
            collectSecrets(of: exchange, captured: [], parsing: true)
            last = exchange
            log.add("poll \(count): \(response.status) \(Self.state(of: exchange, kind))")
            switch kind {
            case .location:
                if response.status == 202 { continue }
                guard (200..<300).contains(response.status) else {
                    return stop(
                        "the operation failed: \(ARMErrorBody.status(response.status, exchange.body))\(Self.errorText(exchange))", exchange)
                }
                return .success(exchange)
            case .statusResource, .resource:
                guard response.status == 200 else {
                    return stop(
                        "reading the operation's status answered \(ARMErrorBody.status(response.status, exchange.body))\(Self.errorText(exchange))",
                        exchange)
                }
                let state =
                    kind == .resource
                    ? exchange.body.json?["properties"]?["provisioningState"]?.stringValue ?? "Succeeded"
                    : exchange.body.json?["status"]?.stringValue ?? ""
                switch state.lowercased() {
                case "succeeded":
                    guard kind == .statusResource, ["PUT", "PATCH"].contains(first.request.method) else { return .success(exchange) }
                    // The status resource says done; the result is the resource itself.
                    var get = first.request.followUp(first.request.url)
                    switch await send(&get, token: token) {
                    case .failure(let end): return .failure(end)
                    case .success(let reply): return .success(Exchange(request: get, response: reply))
                    }
                case "failed", "canceled", "cancelled":
                    let error = exchange.body.json?["error"] ?? exchange.body.json?["properties"]?["error"]
                    let code = error?["code"]?.stringValue.map { " \($0)" } ?? ""
                    let message = error?["message"]?.stringValue.map { ": \($0)" } ?? ""
                    return stop("the operation ended \(state)\(code)\(message)", exchange)
                default: continue
                }
            }
        }
        return stop("the operation did not finish after \(Self.maximumPolls) polls", last, type: "OperationTimeout")
    }

    private static func state(of exchange: Exchange, _ kind: PollKind) -> String {
        switch kind {
        case .location: return exchange.response.status == 202 ? "(in progress)" : "(done)"
        case .statusResource: return exchange.body.json?["status"]?.stringValue ?? "(no status)"
        case .resource: return exchange.body.json?["properties"]?["provisioningState"]?.stringValue ?? "(no provisioningState)"
        }
    }

    private static func errorText(_ exchange: Exchange) -> String {
        ARMErrorBody(exchange.body).map { ": \($0.message)" } ?? ""
    }
}
