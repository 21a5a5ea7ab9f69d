import AzspecCore
import Testing

@testable import AzspecEmulator

@Suite("ARM resource groups")
struct ResourceGroupTests {
    @Test func listAndGetSeededGroups() async throws {
        try await Emulator.withRunning { endpoint in
            let token = try await Fixture.token(endpoint)
            let list = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups"), headers: Fixture.bearer(token))
            #expect(list.status == 200)
            let names = list.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["rg-smoke", "rg-shared"])
            #expect(list.json?["nextLink"] == nil)

            let get = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourceGroups/RG-SMOKE"), headers: Fixture.bearer(token))
            #expect(get.status == 200)
            #expect(
                get.text == "{\"id\":\"/subscriptions/\(Fixture.subscriptionId)/resourceGroups/rg-smoke\","
                    + "\"name\":\"rg-smoke\",\"type\":\"Microsoft.Resources/resourceGroups\","
                    + "\"location\":\"westeurope\","
                    + "\"tags\":{\"env\":\"smoke\"},\"properties\":{\"provisioningState\":\"Succeeded\"}}")
            let shared = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups/rg-shared"), headers: Fixture.bearer(token))
            #expect(shared.keys == ["id", "name", "type", "location", "properties"], "no tags key when never tagged")
        }
    }

    @Test func everyResponseCarriesARMHeaders() async throws {
        try await Emulator.withRunning { endpoint in
            let token = try await Fixture.token(endpoint)
            let first = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: Fixture.bearer(token))
            let requestId = try #require(first.header("x-ms-request-id"))
            #expect(GUID.isValid(requestId))
            #expect(first.header("x-ms-correlation-request-id") == requestId)
            let routing = try #require(first.header("x-ms-routing-request-id"))
            #expect(routing.hasPrefix("LOCAL:") && routing.hasSuffix(":\(requestId)"))
            #expect(routing.split(separator: ":")[1].count == "20221103T053209Z".count)
            #expect(first.header("Cache-Control") == "no-cache")
            #expect(first.header("Pragma") == "no-cache")
            #expect(first.header("Expires") == "-1")
            #expect(first.header("Content-Type") == "application/json; charset=utf-8")
            #expect(first.header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            #expect(first.header("X-Content-Type-Options") == "nosniff")
            let reads = try #require(first.header("x-ms-ratelimit-remaining-subscription-reads").flatMap { Int($0) })

            let second = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups"),
                headers: Fixture.bearer(token) + [("x-ms-correlation-request-id", "my-correlation")])
            #expect(second.header("x-ms-correlation-request-id") == "my-correlation")
            #expect(second.header("x-ms-request-id") != requestId)
            #expect(second.header("x-ms-ratelimit-remaining-subscription-reads").flatMap { Int($0) } == reads - 1)

            let missing = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups/nope"), headers: Fixture.bearer(token))
            #expect(missing.status == 404)
            #expect(missing.header("x-ms-ratelimit-remaining-subscription-reads").flatMap { Int($0) } == reads - 2)

            let subscriptions = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01", headers: Fixture.bearer(token))
            #expect(subscriptions.header("x-ms-ratelimit-remaining-tenant-reads") != nil)
            #expect(subscriptions.header("x-ms-ratelimit-remaining-subscription-reads") == nil)
        }
    }

    @Test func createUpdatePatchHeadAndDelete() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.token(endpoint))
            let url = Fixture.armURL(endpoint, "/resourcegroups/rg-new")
            let created = try await HTTPExchange.send(
                .put, url, headers: auth, body: #"{"location":"West Europe","tags":{"b":"2","a":"1"}}"#)
            #expect(created.status == 201)
            #expect(created.json?["location"]?.stringValue == "westeurope")
            #expect(created.json?["tags"]?.objectValue?.keys == ["b", "a"], "tag order is kept")
            #expect(created.header("x-ms-ratelimit-remaining-subscription-writes") == "1199")

            let updated = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourceGroups/RG-NEW"), headers: auth,
                body: #"{"location":"westeurope"}"#)
            #expect(updated.status == 200)
            #expect(updated.json?["name"]?.stringValue == "rg-new", "the original name casing is kept")
            #expect(updated.json?["tags"] == nil)

            let conflict = try await HTTPExchange.send(.put, url, headers: auth, body: #"{"location":"eastus"}"#)
            #expect(conflict.status == 409)
            #expect(conflict.armErrorCode == "InvalidResourceGroupLocation")

            let patched = try await HTTPExchange.send(.patch, url, headers: auth, body: #"{"tags":{"env":"test"}}"#)
            #expect(patched.status == 200)
            #expect(patched.json?["tags"]?["env"]?.stringValue == "test")

            let head = try await HTTPExchange.send(.head, url, headers: auth)
            #expect(head.status == 204)
            #expect(head.body.isEmpty)

            let delete = try await HTTPExchange.send(.delete, url, headers: auth)
            #expect(delete.status == 202)
            #expect(delete.body.isEmpty)
            #expect(delete.header("Retry-After") == "1", "the default configuration's; ARM's 15 is the built-in default")
            #expect(delete.header("x-ms-ratelimit-remaining-subscription-deletes") == "14999")
            let location = try #require(delete.header("Location"))
            #expect(location.hasPrefix("\(endpoint.baseURL)/subscriptions/\(Fixture.subscriptionId)/operationresults/"))
            #expect(location.hasSuffix("?api-version=\(Fixture.apiVersion)"))
            let inProgress = try await HTTPExchange.send(.get, location, headers: auth)
            #expect(inProgress.status == 202, "one poll in progress")
            #expect(inProgress.header("Location") == location && inProgress.header("Retry-After") == "1")
            let poll = try await HTTPExchange.send(.get, location, headers: auth)
            #expect(poll.status == 200)
            #expect(poll.body.isEmpty)

            let headMissing = try await HTTPExchange.send(.head, url, headers: auth)
            #expect(headMissing.status == 404)
            #expect(headMissing.body.isEmpty)
            let expectedBody =
                #"{"error":{"code":"ResourceGroupNotFound","message":"Resource group 'rg-new' could not be found."}}"#
            #expect(headMissing.header("Content-Length") == String(expectedBody.utf8.count))
            #expect(headMissing.header("x-ms-failure-cause") == "gateway")

            let getMissing = try await HTTPExchange.send(.get, url, headers: auth)
            #expect(getMissing.status == 404)
            #expect(getMissing.text == expectedBody)
            let deleteMissing = try await HTTPExchange.send(.delete, url, headers: auth)
            #expect(deleteMissing.status == 404)
            #expect(deleteMissing.armErrorCode == "ResourceGroupNotFound")
            let patchMissing = try await HTTPExchange.send(.patch, url, headers: auth, body: "{}")
            #expect(patchMissing.status == 404)
        }
    }

    @Test func putValidatesNameAndBody() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.token(endpoint))
            let noLocation = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-x"), headers: auth, body: #"{"tags":{}}"#)
            #expect(noLocation.status == 400)
            #expect(noLocation.armErrorCode == "LocationRequired")
            let broken = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-x"), headers: auth, body: #"{"location":"#)
            #expect(broken.status == 400)
            #expect(broken.armErrorCode == "InvalidRequestContent")
            let badName = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/bad%20name"), headers: auth,
                body: #"{"location":"westeurope"}"#)
            #expect(badName.status == 400)
            #expect(badName.armErrorCode == "InvalidResourceGroup")
            let trailingDot = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg."), headers: auth,
                body: #"{"location":"westeurope"}"#)
            #expect(trailingDot.status == 400)
            let parentheses = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg_(1).x"), headers: auth,
                body: #"{"location":"westeurope"}"#)
            #expect(parentheses.status == 201)
        }
    }

    /// A group deleted or created between two pages moves no other one: the next page continues after the last
    /// group the previous one held, as a client paging while another deletes expects.
    @Test func pagesHoldUnderConcurrentChanges() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.token(endpoint))
            for name in ["rg-a", "rg-b"] {
                let put = try await HTTPExchange.send(
                    .put, Fixture.armURL(endpoint, "/resourcegroups/\(name)"), headers: auth, body: #"{"location":"northeurope"}"#)
                #expect(put.status == 201)
            }
            let first = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups", query: "&%24top=2"), headers: auth)
            #expect(first.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["rg-smoke", "rg-shared"])
            let next = try #require(first.json?["nextLink"]?.stringValue)
            // Meanwhile, the first group goes and another comes.
            let deleted = try await HTTPExchange.send(.delete, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: auth)
            #expect(deleted.status == 202)
            _ = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-c"), headers: auth, body: #"{"location":"northeurope"}"#)
            let second = try await HTTPExchange.send(.get, next, headers: auth)
            #expect(second.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["rg-a", "rg-b"], "\(second.text)")
        }
    }

    @Test func topPagesWithAFollowableNextLink() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.token(endpoint))
            for index in 1...3 {
                let reply = try await HTTPExchange.send(
                    .put, Fixture.armURL(endpoint, "/resourcegroups/rg-page-\(index)"), headers: auth,
                    body: #"{"location":"northeurope"}"#)
                #expect(reply.status == 201)
            }
            var url: String? = Fixture.armURL(endpoint, "/resourcegroups", query: "&%24top=2")
            var pages: [[String]] = []
            while let next = url {
                let reply = try await HTTPExchange.send(.get, next, headers: auth)
                try #require(reply.status == 200, "\(reply.text)")
                pages.append(reply.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
                url = reply.json?["nextLink"]?.stringValue
                if let link = url {
                    #expect(
                        link.hasPrefix(
                            "\(endpoint.baseURL)/subscriptions/\(Fixture.subscriptionId)/resourcegroups"
                                + "?%24top=2&api-version="
                        ))
                    #expect(link.contains("&%24skiptoken="))
                }
                try #require(pages.count < 5)
            }
            #expect(pages == [["rg-smoke", "rg-shared"], ["rg-page-1", "rg-page-2"], ["rg-page-3"]])
            let badTop = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups", query: "&$top=zero"), headers: auth)
            #expect(badTop.status == 400)
        }
    }

    @Test func readerCannotCreateAResourceGroup() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let list = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups"), headers: auth)
            #expect(list.status == 200)
            let path = "/subscriptions/\(Fixture.subscriptionId)/resourceGroups/rg-reader"
            let put = try await HTTPExchange.send(
                .put, "\(endpoint.baseURL)\(path)?api-version=\(Fixture.apiVersion)", headers: auth,
                body: #"{"location":"westeurope"}"#)
            #expect(put.status == 403)
            #expect(put.header("x-ms-failure-cause") == "gateway")
            #expect(put.armErrorCode == "AuthorizationFailed")
            #expect(
                put.armErrorMessage
                    == "The client '\(Fixture.readerClientId)' with object id '\(Fixture.readerObjectId)' "
                    + "does not have "
                    + "authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over "
                    + "scope '\(path)' or the scope is invalid. If access was recently granted, please refresh your "
                    + "credentials.")
            let delete = try await HTTPExchange.send(
                .delete, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: auth)
            #expect(delete.status == 403)
            #expect(
                delete.armErrorMessage?.contains("'Microsoft.Resources/subscriptions/resourcegroups/delete'") == true)
        }
    }

    @Test func resourceGroupScopedAssignmentSeesOnlyItsGroup() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].roleAssignments = [
            .init(
                principal: "azspec-reader", role: "Contributor",
                scope: "/subscriptions/\(Fixture.subscriptionId)/resourceGroups/rg-shared")
        ]
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let list = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups"), headers: reader)
            #expect(list.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["rg-shared"])
            let smoke = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: reader)
            #expect(smoke.status == 403)
            let patch = try await HTTPExchange.send(
                .patch, Fixture.armURL(endpoint, "/resourcegroups/rg-shared"), headers: reader, body: #"{"tags":{}}"#)
            #expect(patch.status == 200)
            #expect(patch.json?["tags"]?.objectValue?.isEmpty == true)

            let smokePrincipal = Fixture.bearer(try await Fixture.token(endpoint))
            let denied = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups"), headers: smokePrincipal)
            #expect(denied.status == 403, "no assignment at all in the subscription")
            #expect(denied.armErrorCode == "AuthorizationFailed")
            let subscriptions = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01", headers: smokePrincipal)
            #expect(subscriptions.json?["value"]?.arrayValue?.count == 0)
        }
    }
}
