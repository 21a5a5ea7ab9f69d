import AzspecCore

/// Writes suites: tests from the requests and their scripts, the variables they use, the identities their oauth2
/// auth becomes, and comments for what was not converted.
struct PostmanSuiteBuilder {
    var variables: PostmanVariables
    var notes: [String] = []
    /// Environment variables the specs read, in the order first read.
    private(set) var environment: [String] = []
    private var environmentNames: Set<String> = []
    /// Postman variables read from the environment instead of copied, and whether they are secrets.
    private(set) var fromEnvironment: [(variable: String, environment: String, secret: Bool)] = []
    private var fromEnvironmentNames: Set<String> = []

    /// Records that the specs read `variable` from the environment (once; sets, not scans, for large collections).
    mutating func readsEnvironment(_ variable: String) {
        if environmentNames.insert(variable).inserted { environment.append(variable) }
    }

    /// Records that Postman's `postman` is read from the environment's `variable`.
    mutating func readsEnvironment(_ postman: String, _ variable: String, secret: Bool) {
        readsEnvironment(variable)
        if fromEnvironmentNames.insert(postman).inserted { fromEnvironment.append((postman, variable, secret)) }
    }
    /// Inherited scripts whose unconverted lines were already noted.
    private var reported: Set<String> = []

    init(variables: PostmanVariables) {
        self.variables = variables
    }

    /// A suite with its scripts translated: done for every suite before any is written, so that a capture used in
    /// another file can be named.
    struct Prepared: Sendable {
        let plan: PostmanSuitePlan
        /// Per entry: the inherited and own scripts merged; `unconverted` holds the request's own lines only.
        let translations: [ScriptTranslation]
        /// Per entry: the request's own pre-request lines.
        let preRequest: [[String]]
        /// Per entry: inherited expectations that clashed with others.
        let clashes: [Int]
        /// Comment lines for the top of the file: the inherited scripts' lines not converted.
        let header: [String]

        var captured: Set<String> { Set(translations.flatMap { $0.captures.map(\.name) }) }
    }

    mutating func prepare(_ plan: PostmanSuitePlan) -> Prepared {
        var translations: [ScriptTranslation] = []
        var preRequest: [[String]] = []
        var clashes: [Int] = []
        var header: [String] = []
        var cache: [String: ScriptTranslation] = [:]
        for entry in plan.entries {
            let own = PostmanScript.translate(entry.item.events.filter { $0.kind == .test }.flatMap(\.lines))
            var translation = own
            var clash = 0
            for script in entry.inherited {
                let key = "\(script.event.kind)\u{1}" + script.source + "\u{1}" + script.event.lines.joined(separator: "\n")
                if script.event.kind == .test {
                    let inherited = cache[key] ?? PostmanScript.translate(script.event.lines)
                    if cache[key] == nil { header += headerLines(script.source, inherited.unconverted, preRequest: false) }
                    cache[key] = inherited
                    clash += translation.inherit(inherited)
                } else if script.event.kind == .preRequest, cache[key] == nil {
                    cache[key] = ScriptTranslation()
                    let lines = script.event.lines.compactMap { $0.trimmingWhitespace.ifNotBlank }
                    header += headerLines(script.source, lines, preRequest: true)
                }
            }
            translation.unconverted = own.unconverted
            translations.append(translation)
            clashes.append(clash)
            preRequest.append(
                entry.item.events.filter { $0.kind == .preRequest }.flatMap(\.lines).compactMap {
                    $0.trimmingWhitespace.ifNotBlank
                })
        }
        return Prepared(plan: plan, translations: translations, preRequest: preRequest, clashes: clashes, header: header)
    }

    private mutating func headerLines(_ source: String, _ lines: [String], preRequest: Bool) -> [String] {
        guard !lines.isEmpty else { return [] }
        let kind = preRequest ? "pre-request script" : "test script"
        if reported.insert(source + kind).inserted {
            notes.append(
                "\(source): \(lines.count) \(kind) line\(lines.count == 1 ? "" : "s") not converted "
                    + "(kept as comments at the top of its spec files)."
            )
        }
        return ["\(source), \(kind) not converted:"] + lines.map { "postman: " + variables.masked($0) }
    }
}
