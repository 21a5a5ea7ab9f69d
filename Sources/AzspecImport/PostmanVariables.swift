/// How Postman variables become azspec ones: names made identifiers, secrets and Azure's well-known names read from
/// the environment, literal secret values replaced by their variable, the public cloud's hosts as `{{cloud.*}}`.
struct PostmanVariables: Sendable {
    /// A collection variable or environment value (the environment's wins).
    struct Definition: Sendable {
        let name: String
        let value: String
        let secret: Bool
    }

    private(set) var definitions: [Definition] = []
    /// Where each name is in `definitions`.
    private var positions: [String: Int] = [:]
    private var names: [String: String] = [:]
    private var taken: Set<String> = []
    /// Postman name → azspec name, for names that had to change.
    private(set) var renames: [(from: String, to: String)] = []
    /// Literal values to write as their variable instead (secrets, and well-known ids), longest first.
    private var literals: [(value: String, name: String)] = []
    /// Secret values, to mask in comments and notes.
    private var secretValues: [String] = []
    /// Postman dynamic variables seen (`$timestamp`…) that have no azspec equivalent.
    private(set) var dynamicNames: [String] = []

    static let reserved: Set<String> = ["env", "cloud", "run"]

    /// No variables: what a borrower holds while it lends the real ones out (``lend(_:to:)``).
    static let none = PostmanVariables(collection: [], environment: [])

    /// Moves `variables` into `borrower` for `body` and back, so that they have one owner throughout: a copy held
    /// beside them would make the first new name copy every name (quadratic over a large collection).
    static func lend<Borrower, Result>(
        _ variables: inout PostmanVariables, to borrower: inout Borrower, at path: WritableKeyPath<Borrower, PostmanVariables>,
        _ body: (inout Borrower) -> Result
    ) -> Result {
        swap(&variables, &borrower[keyPath: path])
        defer { swap(&variables, &borrower[keyPath: path]) }
        return body(&borrower)
    }

    init(collection: [PostmanVariable], environment: [PostmanVariable]) {
        for variable in collection + environment {
            let definition = Definition(
                name: variable.key, value: variable.value,
                secret: variable.markedSecret || AzureNames.looksSecret(variable.key)
                    || AzureNames.wellKnown(variable.key) == "AZURE_CLIENT_SECRET")
            if let index = positions[variable.key] {
                definitions[index] = definition
            } else {
                positions[variable.key] = definitions.count
                definitions.append(definition)
            }
        }
        for definition in definitions where SpecNames.isIdentifier(definition.name) && !Self.reserved.contains(definition.name) {
            names[definition.name] = definition.name
            taken.insert(definition.name)
        }
        for definition in definitions { _ = name(definition.name) }
        for definition in definitions {
            let value = definition.value.trimmingWhitespace
            if value.contains("{{") { continue }
            if definition.secret, value.count >= 4 {
                secretValues.append(value)
                literals.append((value, definition.name))
            } else if AzureNames.wellKnown(definition.name) != nil, value.count >= 8 {
                literals.append((value, definition.name))
            }
        }
        literals.sort { $0.value.count > $1.value.count }
        secretValues.sort { $0.count > $1.count }
    }

    func definition(_ name: String) -> Definition? {
        positions[name].map { definitions[$0] }
    }

    /// The azspec name of a Postman variable: itself when it is an identifier that is not reserved, else a
    /// deterministic rename (`a.b` → `a_b`, `env` → `env_var`, `1st` → `_1st`) that no other name has.
    mutating func name(_ postman: String) -> String {
        if let known = names[postman] { return known }
        var base = SpecNames.identifier(postman)
        if Self.reserved.contains(base) { base += "_var" }
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(number)"
            number += 1
        }
        names[postman] = candidate
        taken.insert(candidate)
        if candidate != postman { renames.append((postman, candidate)) }
        return candidate
    }

    /// Postman text as an azspec template: secret (and well-known) literal values written as their variable,
    /// `{{name}}` renamed, `{{$guid}}` as `{{run.id}}`, and with `cloud`, a leading public-cloud host as
    /// `{{cloud.login}}` / `{{cloud.arm}}`. Every Postman name used is appended to `used` (once).
    mutating func template(_ text: String, cloud: Bool, used: inout [String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += literal(rest[..<open.lowerBound], used: &used)
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let inner = after[..<close.lowerBound].trimmingWhitespace
            if inner.isEmpty || inner.contains("{") || inner.contains("}") {
                out += literal(rest[open.lowerBound..<close.upperBound], used: &used)
            } else if inner.hasPrefix("$") {
                out += dynamic(inner)
            } else {
                out += reference(inner, used: &used)
            }
            rest = after[close.upperBound...]
        }
        out += literal(rest, used: &used)
        return cloud ? AzureNames.cloudPrefixed(out) : out
    }

    /// `{{name}}` for a Postman name, recorded as used.
    mutating func reference(_ postman: String, used: inout [String]) -> String {
        if !used.contains(postman) { used.append(postman) }
        return "{{" + name(postman) + "}}"
    }

    /// Text between placeholders, with secret (and well-known) literal values written as their variable.
    /// One scan from left to right (no recursion, no rescanning): at each point the earliest literal, the longest where
    /// two start together. Each literal's next place is looked up again only once the scan has passed it, so a 16 MiB
    /// body repeating a well-known value is read a bounded number of times.
    private mutating func literal(_ text: Substring, used: inout [String]) -> String {
        var next: [Range<Substring.Index>?] = literals.map { $0.value.isEmpty ? nil : text.firstRange(of: $0.value) }
        var out = ""
        var cursor = text.startIndex
        while true {
            var best: Int?
            for index in next.indices {
                if let range = next[index], range.lowerBound < cursor {
                    next[index] = text[cursor...].firstRange(of: literals[index].value)
                }
                guard let range = next[index] else { continue }
                if let chosen = best, let current = next[chosen], current.lowerBound <= range.lowerBound { continue }
                best = index
            }
            guard let best, let range = next[best] else { break }
            out += text[cursor..<range.lowerBound]
            out += reference(literals[best].name, used: &used)
            cursor = range.upperBound
        }
        out += text[cursor...]
        return out
    }

    /// `{{$guid}}` and `{{$randomUUID}}` are the run's GUID; other dynamic variables become `{{run.hex}}`.
    private mutating func dynamic(_ name: String) -> String {
        if ["$guid", "$randomuuid"].contains(name.lowercased()) { return "{{run.id}}" }
        if !dynamicNames.contains(name) { dynamicNames.append(name) }
        return "{{run.hex}}"
    }

    /// A variable's value in `vars:`: the environment for well-known and secret names, else its text as a template.
    mutating func value(of definition: Definition, used: inout [String]) -> (template: String, environment: String?) {
        if let variable = AzureNames.wellKnown(definition.name) { return ("{{env.\(variable)}}", variable) }
        if definition.secret {
            let variable = AzureNames.environmentName(definition.name)
            return ("{{env.\(variable)}}", variable)
        }
        return (template(definition.value, cloud: true, used: &used), nil)
    }

    /// Text with every secret value masked, for comments and notes.
    func masked(_ text: String) -> String {
        var text = text
        for value in secretValues where text.contains(value) { text = text.replacing(value, with: "***") }
        return text
    }

    /// Text with `{{name}}` replaced by the variables' raw values (a few rounds): only to see where a URL goes.
    func expanded(_ text: String) -> String {
        var text = text
        for _ in 0..<4 {
            var out = ""
            var rest = Substring(text)
            var changed = false
            while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
                out += rest[..<open.lowerBound]
                if let value = definition(rest[open.upperBound..<close.lowerBound].trimmingWhitespace)?.value {
                    out += value
                    changed = true
                } else {
                    out += rest[open.lowerBound..<close.upperBound]
                }
                rest = rest[close.upperBound...]
            }
            text = out + rest
            if !changed { break }
        }
        return text
    }
}
