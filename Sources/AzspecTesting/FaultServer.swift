import AzspecCore
import Foundation
import NIOCore
import NIOPosix

/// A deliberately badly behaved HTTP server on 127.0.0.1, for testing how runs cope with server faults.
///
/// It speaks raw HTTP/1.1 so that it can break the protocol. Paths:
/// - `/slow` answers after 5 seconds;
/// - `/html`, and any path below it, answers 200 with an HTML page (a captive portal or proxy instead of Entra ID);
/// - `/big` answers 200 with a JSON document of about 5 MB;
/// - `/invalid-utf8` answers 200 with `application/json` bytes that are not UTF-8;
/// - `/reset` promises 100000 bytes, sends 10 and closes the connection;
/// - `/hostile` answers 500 with JSON holding ANSI escapes, control characters and `]]>`;
/// - `/echo` answers 200 with `{"method":…,"path":…,"headers":{…},"body":…}` (the request as seen);
/// - `/reject-first-token` answers 401 with `WWW-Authenticate: Bearer error="invalid_token"` to the first bearer token
///   it sees (as ARM does to a revoked or expired token) and echoes requests with any other;
/// - `/redirect` answers 302 to `/echo` on another host name (`localhost` instead of `127.0.0.1`);
/// - `/redirect-loop` answers 302 to itself;
/// - `/drip` sends its head, then one body byte a second for two minutes;
/// - `/silence` reads the request and never answers;
/// - `/garbage` answers with a status line that is not HTTP;
/// - `/throttled` answers 429 with `Retry-After: 86400`;
/// - `/always-401` answers every request 401 `invalid_token`, as a server that refuses every token would;
/// - `/gzip-bomb` answers `Content-Encoding: gzip` with 10 KiB of gzip that would expand to 10 MiB;
/// - `/deep-json` answers 100,000 nested arrays;
/// - `/fifty-megabytes` answers 200 with a JSON document of 50 MB;
/// - `/control-token` answers a token response whose `access_token` holds control characters;
/// - `/encode?as=FORM` answers 500 with the request's form field `value` (or its bearer token) in JSON, in the
///   encoding FORM names
///   (`raw`, `json-slash`, `json-unicode`, `percent`, `form`, `swift`, `base64`), for redaction tests;
/// - `/flaky?key=K&fail=N&status=S&hint=H` answers S (429 by default) to its first N requests with key K, then 200
///   `{"attempts":n}`; H names the delay it asks for: `ms` (`x-ms-retry-after-ms: 50`), `seconds` (`Retry-After: 1`),
///   `date` (`Retry-After` as an HTTP date a second ahead), `day` (`Retry-After: 86400`) or nothing;
/// - `/pages?n=N` answers `{"value":[N],"nextLink":…/pages?n=N+1}` up to N = 3; `/pages-loop` links to itself and
///   `/pages-away` to `localhost` (another origin than 127.0.0.1);
/// - `/lro-huge` answers 202 asking for a wait no clock can hold; `/lro-forever` answers 202 with a `Location` to itself (`x-ms-retry-after-ms: 100`); `/lro-async?state=S`
///   answers 201 with `Azure-AsyncOperation: …/lro-status?state=S`, whose status resource says S (with an `error`
///   unless S is Succeeded);
/// - anything else answers 404 with `{"error":"not found"}`.
public final class FaultServer: Sendable {
    /// The principals whose group list links its next page away: to the next port, or to https on this port.
    public static let graphAwayPort = "d0000000-0000-4000-8000-00000000000a"
    public static let graphAwayScheme = "d0000000-0000-4000-8000-00000000000b"
    /// Text that would be a command to a CI agent, or break a line, wherever it stands (the hostile routes' names).
    public static var hostileText: String { FaultHandler.hostileText }

    public let port: Int
    private let channel: any Channel
    private let memory: FaultMemory

    /// Every bearer token a request to this server carried, in order.
    public var bearerTokens: [String] { memory.bearerTokens }

    /// Every request target (path and query) the server got, in order.
    public var targets: [String] { memory.targets }

    /// How many connections clients opened to the server.
    public var connections: Int { memory.count("\u{0}connections", increment: false) }

    /// How many requests `/flaky` got with `key`.
    public func requests(forKey key: String) -> Int { memory.count(key, increment: false) }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public static func withRunning<T: Sendable>(_ body: (FaultServer) async throws -> T) async throws -> T {
        let memory = FaultMemory()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                _ = memory.count("\u{0}connections", increment: true)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FaultHandler(memory: memory))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = FaultServer(channel: channel, port: channel.localAddress?.port ?? 0, memory: memory)
        return try await whileOpen(channel) { try await body(server) }
    }

    private init(channel: any Channel, port: Int, memory: FaultMemory) {
        self.channel = channel
        self.port = port
        self.memory = memory
    }

    /// A loopback port with nothing listening on it (bound, read, then closed).
    public static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }
}

/// What the server remembers across connections: the bearer tokens it saw, the first apart.
final class FaultMemory: Sendable {
    private let first = LockedBox<String?>(nil)
    private let tokens = LockedBox<[String]>([])

    func record(_ authorization: String) {
        guard authorization.hasPrefix("Bearer ") else { return }
        tokens.withLock { $0.append(String(authorization.dropFirst(7))) }
    }

    var bearerTokens: [String] { tokens.withLock { $0 } }

    private let counters = LockedBox<[String: Int]>([:])
    private let seenTargets = LockedBox<[String]>([])

    func record(target: String) {
        seenTargets.withLock { $0.append(target) }
    }

    var targets: [String] { seenTargets.withLock { $0 } }

    /// The requests seen with `key`, this one included when `increment`.
    func count(_ key: String, increment: Bool) -> Int {
        counters.withLock { counters in
            if increment { counters[key, default: 0] += 1 }
            return counters[key] ?? 0
        }
    }

    /// True when `authorization` is the first bearer token seen (recording it if none was).
    func isFirstToken(_ authorization: String) -> Bool {
        first.withLock { firstToken in
            if firstToken == nil { firstToken = authorization }
            return firstToken == authorization
        }
    }
}

private final class FaultHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var received = ByteBuffer()
    private let memory: FaultMemory

    init(memory: FaultMemory) {
        self.memory = memory
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        received.writeBuffer(&chunk)
        let text = String(decoding: received.readableBytesView, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return }
        let head = text[..<headerEnd.lowerBound]
        let lines = head.split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        let method = requestLine.first.map(String.init) ?? "GET"
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        let bodyStart = text.utf8.distance(from: text.startIndex, to: headerEnd.upperBound)
        guard received.readableBytes >= bodyStart + length else { return }
        let body = String(decoding: received.readableBytesView.dropFirst(bodyStart).prefix(length), as: UTF8.self)
        received.clear()
        respond(context: context, method: method, target: target, headers: headers, body: body)
    }

    /// The query parameters of a request target (no percent-decoding: the tests' values need none).
    private static func query(_ target: String) -> [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }

    private func respond(context: ChannelHandlerContext, method: String, target: String, headers: [(String, String)], body: String) {
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "/")
        let authorization = headers.first { $0.0.lowercased() == "authorization" }?.1 ?? ""
        memory.record(authorization)
        memory.record(target: target)
        switch path {
        case "/slow":
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(5)) {
                let (handler, context) = loopBound.value
                handler.send(context: context, status: "200 OK", type: "application/json", body: Array("{\"slow\":true}".utf8))
            }
        case _ where path == "/html" || path.hasPrefix("/html/"):
            send(context: context, status: "200 OK", type: "text/html", body: Array("<html><body>Sign in</body></html>".utf8))
        case "/big":
            var json = "{\"value\":["
            let item = "{\"name\":\"item\",\"padding\":\"" + String(repeating: "x", count: 1000) + "\"}"
            json += Array(repeating: item, count: 5000).joined(separator: ",")
            json += "],\"last\":\"end\"}"
            send(context: context, status: "200 OK", type: "application/json", body: Array(json.utf8))
        case "/invalid-utf8":
            send(
                context: context, status: "200 OK", type: "application/json",
                body: Array("{\"name\":\"".utf8) + [0xFF, 0xFE, 0x41] + Array("\"}".utf8))
        case "/reset":
            var buffer = context.channel.allocator.buffer(capacity: 200)
            buffer.writeString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"value\":[")
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in loopBound.value.close(promise: nil) }
        case "/hostile":
            let json =
                "{\"error\":{\"code\":\"Hostile\",\"message\":\"\\u001b[31mred\\u001b[0m ]]> <tag> & \\\"quotes\\\" \\u0000 nul \\u000b vt\"}}"
            send(context: context, status: "500 Internal Server Error", type: "application/json", body: Array(json.utf8))
        case "/reject-first-token" where memory.isFirstToken(headers.first { $0.0.lowercased() == "authorization" }?.1 ?? ""):
            send(
                context: context, status: "401 Unauthorized", type: "application/json",
                body: Array(#"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#.utf8),
                extraHeaders:
                    "WWW-Authenticate: Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\", error_description=\"The access token is invalid.\"\r\n"
            )
        case "/redirect":
            let port = context.channel.localAddress?.port ?? 0
            send(
                context: context, status: "302 Found", type: "application/json", body: Array("{}".utf8),
                extraHeaders: "Location: http://localhost:\(port)/echo\r\n")
        case "/redirect-loop":
            send(
                context: context, status: "302 Found", type: "application/json", body: Array("{}".utf8),
                extraHeaders: "Location: /redirect-loop\r\n")
        case "/drip":
            var head = context.channel.allocator.buffer(capacity: 100)
            head.writeString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 120\r\n\r\n")
            context.writeAndFlush(wrapOutboundOut(head), promise: nil)
            for second in 1...120 {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .seconds(Int64(second))) {
                    let (handler, context) = loopBound.value
                    guard context.channel.isActive else { return }
                    var byte = context.channel.allocator.buffer(capacity: 1)
                    byte.writeString(" ")
                    context.writeAndFlush(handler.wrapOutboundOut(byte), promise: nil)
                }
            }
        case "/silence":
            break
        case "/garbage":
            var buffer = context.channel.allocator.buffer(capacity: 64)
            buffer.writeString("SMTP 220 ready\r\n\r\n")
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case "/pages", "/pages-loop", "/pages-away":
            let port = context.channel.localAddress?.port ?? 0
            let n = Int(Self.query(target)["n"] ?? "") ?? 1
            let next: String? =
                switch path {
                case "/pages-loop": "http://127.0.0.1:\(port)/pages-loop"
                case "/pages-away": "http://localhost:\(port)/pages?n=2"
                default: n < 3 ? "http://127.0.0.1:\(port)/pages?n=\(n + 1)" : nil
                }
            let link = next.map { ",\"nextLink\":\"\($0)\"" } ?? ""
            send(context: context, status: "200 OK", type: "application/json", body: Array("{\"value\":[\(n)]\(link)}".utf8))
        case "/lro-huge":
            let port = context.channel.localAddress?.port ?? 0
            send(
                context: context, status: "202 Accepted", type: "application/json", body: [],
                extraHeaders: "Location: http://127.0.0.1:\(port)/lro-huge\r\nRetry-After: 99999999999999999999\r\n")
        case "/lro-forever":
            let port = context.channel.localAddress?.port ?? 0
            send(
                context: context, status: "202 Accepted", type: "application/json", body: [],
                extraHeaders: "Location: http://127.0.0.1:\(port)/lro-forever\r\nx-ms-retry-after-ms: 100\r\n")
        case "/lro-async":
            let port = context.channel.localAddress?.port ?? 0
            let state = Self.query(target)["state"] ?? "Succeeded"
            send(
                context: context, status: "201 Created", type: "application/json",
                body: Array(#"{"properties":{"provisioningState":"Accepted"}}"#.utf8),
                extraHeaders:
                    "Azure-AsyncOperation: http://127.0.0.1:\(port)/lro-status?state=\(state)\r\nx-ms-retry-after-ms: 50\r\n")
        case "/lro-status":
            let state = Self.query(target)["state"] ?? "Succeeded"
            let error = state == "Succeeded" ? "" : #","error":{"code":"InternalError","message":"It broke."}"#
            send(context: context, status: "200 OK", type: "application/json", body: Array("{\"status\":\"\(state)\"\(error)}".utf8))
        case "/flaky":
            let query = Self.query(target)
            let seen = memory.count(query["key"] ?? "", increment: true)
            guard seen > Int(query["fail"] ?? "") ?? 1 else {
                let status = Int(query["status"] ?? "") ?? 429
                let reason = [429: "Too Many Requests", 503: "Service Unavailable", 504: "Gateway Timeout"][status] ?? "Error"
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                let hint: String =
                    switch query["hint"] {
                    case "ms": "x-ms-retry-after-ms: 50\r\n"
                    case "seconds": "Retry-After: 1\r\n"
                    case "date": "Retry-After: \(formatter.string(from: Date().addingTimeInterval(1.5)))\r\n"
                    case "day": "Retry-After: 86400\r\n"
                    default: ""
                    }
                send(
                    context: context, status: "\(status) \(reason)", type: "application/json",
                    body: Array(#"{"error":{"code":"SubscriptionRequestsThrottled","message":"Please try again later."}}"#.utf8),
                    extraHeaders: hint)
                return
            }
            send(context: context, status: "200 OK", type: "application/json", body: Array("{\"attempts\":\(seen)}".utf8))
        case "/throttled":
            send(
                context: context, status: "429 Too Many Requests", type: "application/json",
                body: Array(#"{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}"#.utf8),
                extraHeaders: "Retry-After: 86400\r\n")
        case "/always-401":
            send(
                context: context, status: "401 Unauthorized", type: "application/json",
                body: Array(#"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#.utf8),
                extraHeaders: "WWW-Authenticate: Bearer error=\"invalid_token\"\r\n")
        case "/gzip-bomb":
            // A gzip member of 10 MiB of zeros compresses to about 10 KiB; here the bytes only look like one.
            var bomb: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]
            bomb += [UInt8](repeating: 0xED, count: 10_240)
            send(context: context, status: "200 OK", type: "application/json", body: bomb, extraHeaders: "Content-Encoding: gzip\r\n")
        case "/deep-json":
            let depth = 100_000
            send(
                context: context, status: "200 OK", type: "application/json",
                body: [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth))
        case "/fifty-megabytes":
            var json = Array("{\"value\":[".utf8)
            let item = Array(("{\"name\":\"item\",\"padding\":\"" + String(repeating: "x", count: 1000) + "\"},").utf8)
            for _ in 0..<50_000 { json += item }
            json.removeLast()
            json += Array("],\"last\":\"end\"}".utf8)
            send(context: context, status: "200 OK", type: "application/json", body: json)
        case "/control-token":
            let json =
                #"{"token_type":"Bearer","expires_in":3599,"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhIjoxfQ.c2ln\u000d\u000aX-Injected: 1"}"#
            send(context: context, status: "200 OK", type: "application/json", body: Array(json.utf8))
        case "/encode":
            let bearer = authorization.hasPrefix("Bearer ") ? String(authorization.dropFirst(7)) : ""
            let value = PercentEncoding.pairs(body, plusAsSpace: true).first { $0.0 == "value" }?.1 ?? bearer
            let query = target.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
            let form = PercentEncoding.pairs(query, plusAsSpace: true).first { $0.0 == "as" }?.1 ?? "raw"
            let json = "{\"error\":{\"code\":\"Echo\",\"message\":\"\(Self.encoded(value, as: form))\"}}"
            send(context: context, status: "500 Internal Server Error", type: "application/json", body: Array(json.utf8))
        case "/echo", "/reject-first-token":
            let headerJSON = headers.map { "\(Self.quote($0.0.lowercased())):\(Self.quote($0.1))" }.joined(separator: ",")
            let json =
                "{\"method\":\(Self.quote(method)),\"path\":\(Self.quote(target)),\"headers\":{\(headerJSON)},\"body\":\(Self.quote(body))}"
            send(context: context, status: "200 OK", type: "application/json", body: Array(json.utf8))
        case "/hostile-list":
            let items = JSONValue.object(["items": [.string(Self.hostileText), "b"]])
            send(context: context, status: "200 OK", type: "application/json", body: Array(items.serialized.utf8))
        case _ where path.hasPrefix("/v1.0/"):
            let port = context.channel.localAddress?.port ?? 0
            send(
                context: context, status: "200 OK", type: "application/json", body: Array(Self.graph(path, port: port).serialized.utf8))
        case _ where path.contains("/providers/Microsoft.Authorization/"):
            let port = context.channel.localAddress?.port ?? 0
            send(
                context: context, status: "200 OK", type: "application/json",
                body: Array(Self.authorization(path, port: port).serialized.utf8))
        default:
            send(context: context, status: "404 Not Found", type: "application/json", body: Array("{\"error\":\"not found\"}".utf8))
        }
    }

    /// Text that would be a command to a CI agent, or break a line, wherever it stands.
    public static let hostileText =
        "x\n::set-env name=NODE_OPTIONS::--require /tmp/x.js\u{85}::error::a\u{2028}##vso[task.complete result=Succeeded]b\r::add-mask::c"

    /// Microsoft Graph as a hostile server answers it: the principal's type and display name, its one group's name,
    /// its application's credential names and end dates and its federated subjects are ``hostileText``; the group is
    /// the one the hostile role assignments name. The groups of ``graphAwayPort`` and ``graphAwayScheme`` continue
    /// on another port or scheme.
    static func graph(_ path: String, port: Int) -> JSONValue {
        let hostile = JSONValue.string(hostileText)
        if path.hasSuffix("/transitiveMemberOf") {
            var page: JSONObject = [
                "value": [["@odata.type": "#microsoft.graph.group", "id": "c0000000-0000-4000-8000-000000000001", "displayName": hostile]]
            ]
            if path.contains(FaultServer.graphAwayPort) { page["@odata.nextLink"] = .string("http://127.0.0.1:\(port + 1)\(path)?page=2") }
            if path.contains(FaultServer.graphAwayScheme) { page["@odata.nextLink"] = .string("https://127.0.0.1:\(port)\(path)?page=2") }
            return .object(page)
        }
        if path.hasSuffix("/federatedIdentityCredentials") { return ["value": [["subject": hostile, "name": hostile]]] }
        // An `entra` check's reads: every name, scope and consent type the text.
        let api = "d0000000-0000-4000-8000-000000000001"
        let role = "f0000000-0000-4000-8000-000000000001"
        if path.hasSuffix("/appRoleAssignments") { return ["value": [["resourceId": .string(api), "appRoleId": .string(role)]]] }
        if path.hasSuffix("/oauth2PermissionGrants") {
            return ["value": [["resourceId": .string(api), "scope": .string("Mail.Read " + hostileText), "consentType": hostile]]]
        }
        if path.hasSuffix("/owners") {
            return [
                "value": [
                    ["@odata.type": "#microsoft.graph.user", "id": .string(api), "displayName": hostile, "userPrincipalName": hostile]
                ]
            ]
        }
        if path.hasSuffix("/roleDefinitions") { return ["value": [["id": .string(role), "displayName": hostile]]] }
        if path.hasSuffix("/roleAssignments") || path.hasSuffix("/roleEligibilitySchedules") {
            return ["value": [["roleDefinitionId": .string(role), "directoryScopeId": hostile]]]
        }
        if path.hasSuffix("/servicePrincipals/" + api) {
            return ["id": .string(api), "displayName": hostile, "appRoles": [["id": .string(role), "value": hostile]]]
        }
        if path == "/v1.0/applications" {
            let credential: JSONValue = [
                "displayName": hostile, "hint": hostile, "startDateTime": hostile, "endDateTime": "2020-01-01T00:00:00Z",
            ]
            return [
                "value": [
                    [
                        "id": "e0000000-0000-4000-8000-000000000001", "appId": "a0000000-0000-4000-8000-000000000009",
                        "displayName": hostile,
                        "passwordCredentials": [credential], "keyCredentials": [["displayName": hostile, "endDateTime": hostile]],
                    ]
                ]
            ]
        }
        let id = path.split(separator: "/").last.map(String.init) ?? ""
        return [
            "@odata.type": .string("#microsoft.graph." + hostileText), "id": .string(id), "displayName": hostile,
            "appId": "a0000000-0000-4000-8000-000000000009",
        ]
    }

    /// `{scope}/providers/Microsoft.Authorization/…` as a hostile server answers it: every name, type, scope and
    /// condition is ``hostileText``; Reader (`*/read`) through a group, a deny of `roleAssignments/write` for
    /// everyone. Under `/subscriptions/away-port` and `/subscriptions/away-scheme` the role assignment list links its
    /// next page to another port, or to https on this port.
    static func authorization(_ path: String, port: Int) -> JSONValue {
        let hostile = JSONValue.string(hostileText)
        let block: JSONValue = ["actions": ["*/read"], "notActions": [], "dataActions": [], "notDataActions": []]
        if path.contains("/roleDefinitions/") {
            return ["properties": ["roleName": hostile, "permissions": [block]]]
        }
        if path.hasSuffix("/permissions") { return ["value": [block]] }
        if path.hasSuffix("/roleEligibilityScheduleInstances") { return ["value": []] }
        if path.hasSuffix("/denyAssignments") {
            return [
                "value": [
                    [
                        "properties": [
                            "denyAssignmentName": hostile, "scope": hostile,
                            "principals": [["id": "00000000-0000-0000-0000-000000000000", "type": "SystemDefined"]],
                            "permissions": [["actions": ["Microsoft.Authorization/roleAssignments/write"]]],
                        ]
                    ]
                ]
            ]
        }
        var page: JSONObject = [
            "value": [
                [
                    "properties": [
                        "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
                        "principalId": "c0000000-0000-4000-8000-000000000001", "principalType": hostile, "scope": hostile,
                        "condition": hostile,
                    ]
                ]
            ]
        ]
        if path.contains("/away-port/") { page["nextLink"] = .string("http://127.0.0.1:\(port + 1)\(path)?page=2") }
        if path.contains("/away-scheme/") { page["nextLink"] = .string("https://127.0.0.1:\(port)\(path)?page=2") }
        return .object(page)
    }

    private func send(context: ChannelHandlerContext, status: String, type: String, body: [UInt8], extraHeaders: String = "") {
        var buffer = context.channel.allocator.buffer(capacity: body.count + 200)
        buffer.writeString(
            "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nx-ms-request-id: fault-request-id\r\n\(extraHeaders)\r\n"
        )
        buffer.writeBytes(body)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// `value` as the `/encode` endpoint writes it inside a JSON string.
    static func encoded(_ value: String, as form: String) -> String {
        switch form {
        case "json-slash": return String(quote(value).dropFirst().dropLast()).replacingOccurrences(of: "/", with: "\\/")
        case "json-unicode": return value.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        case "percent": return value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
        case "form":
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~ ")
            return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(of: " ", with: "+")
        case "swift": return String(quote(String(String(reflecting: value).dropFirst().dropLast())).dropFirst().dropLast())
        case "base64": return Data(("user:" + value).utf8).base64EncodedString()
        default: return String(quote(value).dropFirst().dropLast())
        }
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
