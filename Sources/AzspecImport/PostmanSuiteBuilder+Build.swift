import AzspecCore

extension PostmanSuiteBuilder {
    /// A test before the suite decides where identities go.
    /// A declared identity, its name and the hosts it must also send its token to.
    private typealias Identity = (name: String, identity: PostmanIdentity, hosts: [String])

    private struct Test {
        let comments: [String]
        let members: [(key: String, value: YAMLNode)]
        let identity: String?
    }

    /// The suite's YAML: `name`, `vars`, `identities`, `identity` and `tests`. `capturedElsewhere` maps a Postman
    /// name to the suite that captures it, for names this suite uses but does not capture.
    mutating func build(_ prepared: Prepared, collection: String, capturedElsewhere: (String) -> String?) throws(YAMLWriteError) -> String {
        let plan = prepared.plan
        // The last entry that captures each name: "captured by this request or a later one" is one comparison.
        var lastCapture: [String: Int] = [:]
        for (index, translation) in prepared.translations.enumerated() {
            for capture in translation.captures { lastCapture[capture.name] = index }
        }
        var tests: [Test] = []
        var identities: [Identity] = []
        var captured = Set<String>()
        var needs: [String] = []
        var testNames = Set<String>()
        for (index, entry) in plan.entries.enumerated() {
            let translation = prepared.translations[index]
            var converter = PostmanRequestConverter(variables: .none)
            var request = PostmanVariables.lend(&variables, to: &converter, at: \.variables) {
                $0.convert(entry.item.request, auth: entry.auth, where: entry.place)
            }
            notes += request.notes
            guard !request.url.isEmpty else {
                notes.append("\(entry.place): the request has no URL; left out.")
                continue
            }
            var comments: [String] = []
            if !prepared.preRequest[index].isEmpty {
                comments.append("postman pre-request script, not converted:")
                comments += prepared.preRequest[index].map { "postman: " + $0 }
                if !translation.unconverted.isEmpty { comments.append("postman test script, not converted:") }
            }
            comments += translation.unconverted.map { "postman: " + $0 } + request.comments
            let identityName = identity(for: &request, place: entry.place, in: &identities, comments: &comments)
            if identityName == nil {
                let before = request.headers.count
                request.headers.removeAll { header in
                    header.fromAuth && header.uses.contains { !captured.contains($0) && (lastCapture[$0] ?? -1) >= index }
                }
                if request.headers.count < before {
                    notes.append(
                        "\(entry.place): no auth header is sent: the value it needs is captured by this request or a later one.")
                }
            }
            var uses = request.allUses
            let expect = expectNode(translation, uses: &uses)
            let capture = captureNode(translation)
            for name in uses where !captured.contains(name) && !needs.contains(name) { needs.append(name) }
            captured.formUnion(translation.captures.map(\.name))
            if prepared.clashes[index] > 0 {
                notes.append(
                    "\(entry.place): \(prepared.clashes[index]) inherited assertion(s) clash with its own and are left out.")
            }
            let count = translation.unconverted.count + prepared.preRequest[index].count
            if count > 0 {
                notes.append(
                    "\(entry.place): \(count) line\(count == 1 ? "" : "s") not converted "
                        + "(kept as # postman: comments above its test)."
                )
            }
            let testName = variables.masked(entry.testName)
            var name = testName
            var number = 2
            while testNames.contains(name) {
                name = "\(testName) (\(number))"
                number += 1
            }
            testNames.insert(name)
            var members: [(key: String, value: YAMLNode)] = [("name", .string(name))]
            if let skip = request.skip { members.append(("skip", .string(skip))) }
            members.append(("request", request.node))
            if let expect { members.append(("expect", expect)) }
            if let capture { members.append(("capture", capture)) }
            tests.append(Test(comments: comments.map(variables.masked), members: members, identity: identityName))
        }
        return try document(
            plan: plan, prepared: prepared, collection: collection, tests: tests, identities: identities,
            vars: variableEntries(needs, suite: plan.name, captured: prepared.captured, elsewhere: capturedElsewhere))
    }

    private func document(
        plan: PostmanSuitePlan, prepared: Prepared, collection: String, tests: [Test],
        identities: [Identity], vars: [(key: String, value: YAMLNode)]
    ) throws(YAMLWriteError) -> String {
        var root: [(key: String, value: YAMLNode)] = [("name", .string(variables.masked(plan.name)))]
        if !vars.isEmpty { root.append(("vars", .block(vars))) }
        if !identities.isEmpty {
            root.append(
                (
                    "identities",
                    .block(
                        identities.map { entry in
                            let hosts: [(key: String, value: YAMLNode)] =
                                entry.hosts.isEmpty ? [] : [("hosts", .sequence(entry.hosts.map { .string($0) }, style: .flow))]
                            return (entry.name, .block(entry.identity.fields + hosts))
                        })
                ))
        }
        let chosen = Set(tests.map(\.identity))
        let shared = chosen.count == 1 ? chosen.first ?? nil : nil
        if let shared { root.append(("identity", .string(shared))) }
        let items: [YAMLNode] = tests.map { test in
            var members = test.members
            if shared == nil, let identity = test.identity { members.insert(("identity", .string(identity)), at: 1) }
            return .commented(test.comments, .block(members))
        }
        root.append(("tests", .sequence(items, style: .spaced)))
        let header = ["Imported from Postman collection \"\(variables.masked(collection))\" by azspec import postman."]
        return try YAMLWriter.document(comments: header + prepared.header, root: .block(root))
    }

    /// The identity the request's oauth2 auth becomes (declared in `identities` once), with its Authorization header
    /// dropped; nil without oauth2 auth, for a token request, or when the auth cannot be an identity (then a comment).
    private mutating func identity(
        for request: inout ConvertedRequest, place: String, in identities: inout [Identity], comments: inout [String]
    ) -> String? {
        guard let auth = request.oauth2 else { return nil }
        let identity: PostmanIdentity
        switch PostmanIdentity.make(auth, variables: &variables, place: place) {
        case .failure(let refusal):
            comments.append("postman auth: oauth2, not converted (\(refusal.reason))")
            notes.append("\(place): the oauth2 auth is not converted (\(refusal.reason)); kept as a comment.")
            return nil
        case .success where isTokenRequest(request):
            notes.append("\(place): it goes to Entra ID itself, so it is sent without its oauth2 identity.")
            return nil
        case .success(let made):
            identity = made
        }
        let slot = identities.firstIndex { $0.identity.signature == identity.signature } ?? identities.count
        if slot == identities.count {
            identities.append((slot == 0 ? "oauth2" : "oauth2-\(slot + 1)", identity, []))
            notes += identity.notes
            for name in identity.environment { readsEnvironment(name) }
        }
        if let host = host(of: request, resource: identity.resource), !identities[slot].hosts.contains(host) {
            identities[slot].hosts.append(host)
        }
        if request.headers.contains(where: { $0.name.lowercased() == "authorization" }) {
            request.headers.removeAll { $0.name.lowercased() == "authorization" }
            notes.append("\(place): its Authorization header is left out: identity '\(identities[slot].name)' sends the token.")
        }
        return identities[slot].name
    }

    /// Whether the request goes to Entra ID (a token request), where no identity's token belongs.
    private func isTokenRequest(_ request: ConvertedRequest) -> Bool {
        let url = AzureNames.cloudPrefixed(variables.expanded(request.postmanURL))
        return url.hasPrefix("{{cloud.login}}") || url.lowercased().hasPrefix("https://login.")
    }

    /// The host a request with an identity goes to, when the identity does not already send its token there.
    private func host(of request: ConvertedRequest, resource: String?) -> String? {
        let url = AzureNames.cloudPrefixed(variables.expanded(request.postmanURL))
        guard !url.hasPrefix("{{cloud.arm}}"), !url.hasPrefix("/"), let scheme = url.firstRange(of: "://") else { return nil }
        let host = url[scheme.upperBound...].prefix { !"/?#:".contains($0) }.lowercased()
        guard !host.isEmpty, !host.contains("{"), host != "management.azure.com" else { return nil }
        let implied = ["graph": "graph.microsoft.com", "keyVault": ".vault.azure.net", "storage": ".core.windows.net"]
        if let resource, let suffix = implied[resource], host == suffix || host.hasSuffix(suffix) { return nil }
        if let resource, resource.lowercased().hasPrefix("https://" + host) { return nil }
        return host
    }
}
