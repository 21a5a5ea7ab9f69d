public import AzspecCore
public import Foundation

/// `azspec snapshot permissions`: reads what Azure says an identity may do at a scope today (its permissions and
/// the deny assignments there) and writes a permission check that locks it (`exactly: true`), so that every later
/// change fails a test. With `principal`, the identity audits that principal instead (its assignments, through its
/// groups, and its eligible roles), and the check is an audit. Only reads are sent; the spec holds no secret (names,
/// a scope and actions only).
public struct PermissionSnapshot: Sendable {
    public struct Options: Sendable {
        public var identity: String
        public var scope: String
        /// Where `azspec.yaml` is looked for (this folder and above), for the identity and the cloud.
        public var folder: String
        public var configuration: RunConfiguration
        public var tls: TLSOptions
        /// The principal to audit (as `permissions.principal` takes it); nil: the identity itself.
        public var principal: String?
        /// Actions and data actions to ask who can take at the scope (a `whoCan` check), instead of one principal's.
        public var whoCan: [RBACAction] = []

        public init(
            identity: String, scope: String, folder: String, configuration: RunConfiguration, tls: TLSOptions, principal: String? = nil
        ) {
            self.identity = identity
            self.scope = scope
            self.folder = folder
            self.configuration = configuration
            self.tls = tls
            self.principal = principal
        }
    }

    /// Why no snapshot could be taken, and the exit status to use.
    public typealias Failure = CommandFailure

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// The spec text, or why it could not be written.
    public func take(now: Date = Date()) async -> Result<String, Failure> {
        var parsed = DiagnosticCollector()
        let template = Template.parse(options.scope, at: SourceLocation(file: "--scope", line: 1, column: 1), diagnostics: &parsed)
        if let error = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return .failure(Failure(description: error.description, status: .invalidInput))
        }
        let project: ProjectFile?
        let identities: [IdentitySpec]
        let identity: IdentitySpec
        switch ProjectIdentity.find(options.identity, in: options.folder) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): (project, identities, identity) = found
        }
        let cloud = SuitePlan.cloud(override: options.configuration.cloud, environment: options.configuration.environment, project: project)
        // `{{env.…}}` and `{{cloud.…}}` are resolved for the reads; the spec keeps the template, portable across
        // subscriptions.
        let text: String
        do {
            text = try TemplateScope(values: [:], environment: options.configuration.environment, cloud: cloud).render(template)
        } catch {
            return .failure(Failure(description: "--scope: \(error)", status: .invalidInput))
        }
        guard let target = ARMScope(text) else {
            return .failure(Failure(description: ARMScope.problem(text) ?? "not an ARM scope", status: .invalidInput))
        }
        let secrets = SecretStore(options.configuration.environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
        do {
            return try await HTTPTransport.withTransport(
                tls: options.tls, connectTimeout: options.configuration.defaultTimeout, offline: options.configuration.offline
            ) {
                transport in
                await read(
                    identity: identity, identities: identities, cloud: cloud, at: target, transport: transport, secrets: secrets, now: now)
            }
        } catch {
            return .failure(Failure(description: "the HTTP client failed: \(error)", status: .cannotStart))
        }
    }

    private func read(
        identity: IdentitySpec, identities: [IdentitySpec], cloud: CloudEndpoints, at scope: ARMScope, transport: HTTPTransport,
        secrets: SecretStore, now: Date
    ) async -> Result<String, Failure> {
        let context = RunContext(
            configuration: options.configuration, transport: transport, secrets: secrets, warnings: RunWarnings(), tokens: TokenCache(),
            verbose: false)
        let acquirer = TokenAcquirer(
            identity: identity, environment: options.configuration.environment, cloud: cloud, transport: transport, secrets: secrets,
            timeout: options.configuration.defaultTimeout)
        let credential = TestExecution.Credential(identity: identity, cloud: cloud, tokens: context.tokens, acquirer: acquirer)
        let token: AccessToken
        do {
            token = try await credential.token()
        } catch {
            return .failure(Failure(description: secrets.redactor.redact(error.description), status: .testsFailed))
        }
        let test = TestSpec(
            name: "snapshot", location: SourceLocation(file: "<snapshot>", line: 1, column: 1), request: nil, identity: nil,
            expect: ExpectSpec(), captures: [], skip: nil)
        var execution = TestExecution(test: test, context: context, credential: credential)
        execution.identities = Dictionary(identities.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        let reader = ARMReader(execution: execution, credential: credential, token: token)
        if let principal = options.principal {
            return await audit(principal, at: scope, execution: execution, reader: reader, identity: identity, cloud: cloud, now: now)
        }
        if !options.whoCan.isEmpty {
            return await whoCan(at: scope, execution: execution, reader: reader, identity: identity, cloud: cloud, now: now)
        }
        let blocks: [PermissionBlock]
        switch await reader.list(scope, "permissions", filter: nil) {
        case .failure(let failure):
            let missing = failure.status == 403 ? " (it needs Microsoft.Authorization/permissions/read)" : ""
            return .failure(
                Failure(
                    description: secrets.redactor.redact(
                        "cannot read the identity's permissions at \(scope)\(missing): \(failure.message)"),
                    status: .testsFailed))
        case .success(let items):
            blocks = items.compactMap(PermissionBlock.init(json:))
            guard blocks.count == items.count else {
                return .failure(
                    Failure(
                        description: "the permissions API at \(scope) answered entries that are not permission blocks", status: .testsFailed
                    ))
            }
        }
        var notes: [String] = []
        let objectId = CompactJWT(token.value)?.string("oid")?.lowercased()
        let roles = await reader.assignments(at: scope, objectId: objectId, notes: &notes)
        guard let denies = await reader.denies(at: scope, objectId: objectId, notes: &notes) else {
            return .failure(
                Failure(
                    description: secrets.redactor.redact(notes.joined(separator: "; ")) + ": a snapshot needs them", status: .testsFailed))
        }
        do {
            // Every string is redacted before it is quoted, so the check reads back what is written.
            let text = try Self.spec(
                identity: identity.name, scope: scope, written: options.scope, blocks: blocks, denies: denies.map(\.block),
                roles: roles, source: cloud.arm, notes: notes, now: now, redact: secrets.redactor.redact)
            return .success(text)
        } catch {
            return .failure(Failure(description: secrets.redactor.redact(error.description), status: .testsFailed))
        }
    }

    /// The identity's audit of `principal`: its active and eligible grants at the scope, through its groups, and the
    /// deny assignments that apply.
    private func audit(
        _ principal: String, at scope: ARMScope, execution: TestExecution, reader: ARMReader, identity: IdentitySpec,
        cloud: CloudEndpoints, now: Date
    ) async -> Result<String, Failure> {
        let redact = execution.context.secrets.redactor.redact
        func failure(_ message: String) -> Result<String, Failure> { .failure(Failure(description: redact(message), status: .testsFailed)) }
        let templates = TemplateScope(values: [:], environment: options.configuration.environment, cloud: cloud)
        var parsed = DiagnosticCollector()
        let template = Template.parse(principal, at: SourceLocation(file: "--principal", line: 1, column: 1), diagnostics: &parsed)
        if let error = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return .failure(Failure(description: error.description, status: .invalidInput))
        }
        let text: String
        do {
            text = try templates.render(template).trimmingCharacters(in: .whitespaces)
        } catch {
            return .failure(Failure(description: "--principal: \(error)", status: .invalidInput))
        }
        let graph: GraphReader
        switch await execution.graphReader() {
        case .failure(let problem): return failure(problem.message)
        case .success(let found): graph = found
        }
        let object: GraphReader.Object
        switch await execution.principal(text, graph: graph, scope: templates) {
        case .failure(let problem):
            return .failure(Failure(description: redact(problem.message), status: problem.invalidSpec ? .invalidInput : .testsFailed))
        case .success(let found): object = found
        }
        let groups: [GraphReader.Object]
        switch await graph.groups(of: object) {
        case .failure(let problem): return failure(problem.message)
        case .success(let found): groups = found
        }
        let access: PrincipalAccess
        switch await PrincipalAccess.read(object.id, groups: groups, at: scope, reader: reader, eligibility: true) {
        case .failure(.unreadable(let message)): return failure(message)
        case .success(let read): access = read
        }
        // Each grant's role and assignment, through the principal's groups, for the comments.
        let roles = (access.active + access.eligible).map { entry in
            let assigned = entry.source.assignment.map { $0.hasPrefix("at ") ? String($0.dropFirst(3)) : $0 } ?? scope.path
            return AssignedRole(
                roleName: entry.source.role ?? "?",
                scope: assigned + (entry.source.through.isEmpty ? "" : " through " + entry.source.through.joined(separator: " → ")),
                condition: entry.source.condition, permissions: [entry.block])
        }
        var notes = ["Audited principal: \(object.description) (\(object.id))."]
        if !access.eligible.isEmpty {
            notes.append("It holds eligible (PIM) roles, counted as held (eligible: allowed): their grants are in the lists.")
        }
        notes += access.uncertainDenies.map { "A deny assignment with a condition may also apply: \($0.source)." }
        do {
            let spec = try Self.spec(
                identity: identity.name, scope: scope, written: options.scope, blocks: roles.flatMap(\.permissions),
                denies: access.denies.map(\.block), roles: roles, source: cloud.arm, notes: notes, now: now, redact: redact,
                principal: principal, eligible: !access.eligible.isEmpty)
            return .success(spec)
        } catch {
            return failure(error.description)
        }
    }

    /// Who can take the actions at the scope today, named through Microsoft Graph where the identity may read it, as a
    /// `whoCan` check holding the set to `exactly` these object ids (each named, with its path, in a comment).
    private func whoCan(
        at scope: ARMScope, execution: TestExecution, reader: ARMReader, identity: IdentitySpec, cloud: CloudEndpoints, now: Date
    ) async -> Result<String, Failure> {
        let redact = execution.context.secrets.redactor.redact
        var notes: [String] = []
        let graph: GraphReader?
        switch await execution.graphReader() {
        case .success(let found): graph = found
        case .failure(let problem):
            graph = nil
            notes.append("  note: principals are shown by object id: \(problem.message)")
        }
        let holders: [TestExecution.Holder]
        switch await execution.holders(
            of: options.whoCan, at: scope, reader: reader, eligible: true, graph: graph, namesNeeded: false, expand: false, notes: &notes)
        {
        case .failure(let problem): return .failure(Failure(description: redact(problem.message), status: .testsFailed))
        case .success(let found): holders = found
        }
        let stamp = ISO8601DateFormatter().string(from: now)
        let asked = options.whoCan.map(\.name).joined(separator: ", ")
        var comments = [
            "Written by `azspec snapshot permissions` at \(stamp) from \(cloud.arm), as identity '\(identity.name)', asking who can "
                + "\(asked) at \(scope.path).",
            "It locks who can: a principal that gains or loses one of these actions fails the check.", "",
        ]
        comments += notes.map { $0.trimmingCharacters(in: .whitespaces) }
        comments += holders.map { holder in
            "\(holder.id): " + (holder.object?.description ?? holder.type) + (holder.eligibleOnly ? " (eligible)" : "") + ", "
                + holder.paths.joined(separator: "; ")
        }
        func list(_ items: [String]) -> YAMLNode { .sequence(items.map { .string($0) }, style: .block) }
        var question: [(key: String, value: YAMLNode)] = []
        let actions = options.whoCan.filter { !$0.isData }.map(\.name)
        let dataActions = options.whoCan.filter(\.isData).map(\.name)
        if !actions.isEmpty { question.append(("actions", list(actions))) }
        if !dataActions.isEmpty { question.append(("dataActions", list(dataActions))) }
        question.append(holders.isEmpty ? ("none", .bool(true)) : ("exactly", list(holders.map(\.id))))
        let test: YAMLNode = .block([
            ("name", .string("who can \(asked)")), ("identity", .string(identity.name)),
            ("permissions", .block([("scope", .string(options.scope)), ("whoCan", .block(question))])),
        ])
        let place = scope.resourceGroup.map { "resource group \($0)" } ?? "the subscription"
        let root: YAMLNode = .block([("name", .string("who can act at \(place)")), ("tests", .sequence([test], style: .block))])
        do {
            return .success(try YAMLWriter.document(comments: comments.map(redact), root: root.mappingStrings(redact)))
        } catch {
            return .failure(Failure(description: redact(error.description), status: .testsFailed))
        }
    }

    /// The spec: every granted pattern allowed as written and `exactly: true`; the actions the grants' own
    /// `notActions` and the deny assignments take away, where they name single actions, in the deny lists. With
    /// `principal`, the check audits it (as written), counting eligible roles as held when `eligible`.
    static func spec(
        identity: String, scope: ARMScope, written: String? = nil, blocks: [PermissionBlock], denies: [PermissionBlock],
        roles: [AssignedRole] = [], source: String, notes: [String], now: Date, redact: (String) -> String = { $0 },
        principal: String? = nil, eligible: Bool = false
    ) throws(YAMLWriteError) -> String {
        func unique(_ patterns: [ActionPattern]) -> [ActionPattern] {
            var seen: Set<ActionPattern> = []
            return patterns.filter { seen.insert($0).inserted }
        }
        let evaluator = RBACEvaluator(grants: blocks.map { .init($0, source: .init()) }, denies: denies.map { .init($0, source: .init()) })
        let allow = unique(blocks.flatMap(\.actions))
        let dataAllow = unique(blocks.flatMap(\.dataActions))
        func denied(_ candidates: [ActionPattern], data: Bool) -> [ActionPattern] {
            let allowed = data ? dataAllow : allow
            return unique(candidates).filter { pattern in
                !pattern.isWildcard && !evaluator.decide(RBACAction(pattern.text, isData: data)).isAllowed
                    && !allowed.contains { $0.isSame(as: pattern) }
            }
        }
        let deny = denied(blocks.flatMap(\.notActions) + denies.flatMap(\.actions), data: false)
        let dataDeny = denied(blocks.flatMap(\.notDataActions) + denies.flatMap(\.dataActions), data: true)
        let stamp = ISO8601DateFormatter().string(from: now)
        let templated = (written ?? scope.path) != scope.path
        let place =
            scope.resourceGroup.map { "resource group \($0)" } ?? (templated ? "the subscription" : "subscription \(scope.subscriptionId)")
        var comments = [
            "Written by `azspec snapshot permissions` at \(stamp) from \(source), as identity '\(identity)'"
                + (principal.map { ", auditing principal \($0)" } ?? "")
                + (templated ? ", at \(scope.path)." : "."),
            "It locks the permissions Azure reported at the scope: a grant added or removed fails the check.",
            "",
        ]
        comments += notes
        // Which role, assigned where, grants each allowed pattern.
        for pattern in allow + dataAllow {
            let granting = roles.filter { role in
                role.permissions.contains { ($0.actions + $0.dataActions).contains { $0.isSame(as: pattern) } }
            }
            guard !granting.isEmpty else { continue }
            comments.append(
                "'\(pattern.text)': " + granting.map { "role '\($0.roleName)' at \($0.scope)" }.joined(separator: "; "))
        }
        let undecidable = unique(blocks.flatMap(\.notActions) + denies.flatMap(\.actions)).filter(\.isWildcard)
        if !undecidable.isEmpty {
            comments.append("Taken away by wildcards, which a deny list cannot hold: \(undecidable.map(\.text).joined(separator: ", "))")
        }
        func list(_ patterns: [ActionPattern]) -> YAMLNode { .sequence(patterns.map { .string($0.text) }, style: .block) }
        var check: [(key: String, value: YAMLNode)] = principal.map { [("principal", .string($0))] } ?? []
        check += [("scope", .string(written ?? scope.path)), ("allow", list(allow))]
        if !deny.isEmpty { check.append(("deny", list(deny))) }
        if !dataAllow.isEmpty || !dataDeny.isEmpty {
            var data: [(key: String, value: YAMLNode)] = []
            if !dataAllow.isEmpty { data.append(("allow", list(dataAllow))) }
            if !dataDeny.isEmpty { data.append(("deny", list(dataDeny))) }
            check.append(("dataActions", .block(data)))
        }
        check.append(("exactly", .bool(true)))
        if principal != nil { check.append(("eligible", .string(eligible ? "allowed" : "separate"))) }
        let holder = principal ?? identity
        let test: YAMLNode = .block([
            // A stable name, so that JUnit history follows the check across refreshes (the time is in the comment).
            ("name", .string("\(holder) holds exactly these permissions")), ("identity", .string(identity)),
            ("permissions", .block(check)),
        ])
        let root: YAMLNode = .block([
            ("name", .string("\(holder) permissions at \(place)")), ("tests", .sequence([test], style: .block)),
        ])
        return try YAMLWriter.document(comments: comments.map(redact), root: root.mappingStrings(redact))
    }
}
