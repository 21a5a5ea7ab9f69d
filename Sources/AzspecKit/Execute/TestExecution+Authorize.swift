import AzspecCore

/// Stage 1: the identity's token (from the run's cache), the claims `expect.token` checks.
extension TestExecution {
    /// An identity bound to the run's token cache.
    struct Credential: Sendable {
        let identity: IdentitySpec
        let cloud: CloudEndpoints
        let tokens: TokenCache
        let acquirer: TokenAcquirer
        /// Where the token may go (``TokenRouting/patterns(of:cloud:)``), worked out once, not per request.
        let origins: [OriginPattern]

        init(identity: IdentitySpec, cloud: CloudEndpoints, tokens: TokenCache, acquirer: TokenAcquirer, origins: [OriginPattern]? = nil) {
            self.identity = identity
            self.cloud = cloud
            self.tokens = tokens
            self.acquirer = acquirer
            self.origins = origins ?? TokenRouting.patterns(of: identity, cloud: cloud)
        }

        var cacheKey: String { "\(identity.location)#\(identity.name)|\(cloud.audience)" }

        func token() async throws(AcquisitionError) -> AccessToken {
            let key = cacheKey
            if let token = tokens.readyToken(for: key) { return token }
            return try await tokens.token(for: key) { () async throws(AcquisitionError) -> AccessToken in try await acquirer.acquire() }
        }
    }

    enum Authorization {
        /// The token to send, if the test has an identity, and what its claims got wrong.
        case authorized(AccessToken?, claimProblems: [String])
        /// The test ends here.
        case done(CaseReport)
    }

    func authorize(in scope: TemplateScope) async -> Authorization {
        guard let credential else { return .authorized(nil, claimProblems: []) }
        let token: AccessToken
        do {
            token = try await credential.token()
        } catch {
            return .done(errored(error.description, type: "AuthenticationError", details: error.description))
        }
        do {
            return .authorized(token, claimProblems: try claimProblems(of: token, scope: scope))
        } catch {
            return .done(errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)"))
        }
    }

    /// `expect.token`: the claims of the identity's token, decoded without checking the signature.
    private func claimProblems(of token: AccessToken, scope: TemplateScope) throws(TemplateError) -> [String] {
        guard !test.expect.token.isEmpty else { return [] }
        guard let claims = CompactJWT(token.value)?.claims else {
            return ["token: the identity's token is not a JWT, so its claims cannot be checked"]
        }
        return try ClaimMatcher.problems(test.expect.token, in: .object(claims), scope: scope).map { "token claim \($0)" }
    }
}
