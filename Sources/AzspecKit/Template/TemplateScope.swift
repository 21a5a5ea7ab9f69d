import AzspecCore

/// The names a template can use while a suite runs: variables and captures, the environment, the cloud and the
/// run's generated values.
struct TemplateScope: Sendable {
    /// Suite variables and the captures made so far.
    var values: [String: JSONValue]
    let environment: [String: String]
    let cloud: CloudEndpoints
    var run = RunValues()

    /// The heads that are not variables: `{{env.…}}`, `{{cloud.…}}`, `{{run.…}}`.
    static let reservedNames = ["env", "cloud", "run"]

    /// The value a placeholder stands for.
    func resolve(_ reference: Reference) throws(TemplateError) -> JSONValue {
        switch reference.head {
        case "env":
            guard let name = reference.tail else { throw .invalid(reference, "write env.NAME, e.g. {{env.AZURE_TENANT_ID}}") }
            guard let value = environment[String(name)] else { throw .missingEnvironment(String(name), reference) }
            return .string(value)
        case "cloud":
            switch reference.tail {
            case "login": return .string(cloud.login)
            case "arm": return .string(cloud.arm)
            case "graph": return .string(cloud.graph)
            default: throw .invalid(reference, "the cloud has 'cloud.login' and 'cloud.arm'")
            }
        case "run":
            guard let value = run.value(reference.tail) else {
                throw .invalid(reference, "the run has 'run.id', 'run.hex' and 'run.started'")
            }
            return .string(value)
        default:
            guard let root = values[String(reference.head)] else {
                throw .undefined(reference, Suggestion.hint(for: String(reference.head), in: values.keys))
            }
            guard let tail = reference.tail else { return root }
            var current = root
            for key in tail.split(separator: ".") {
                if let member = current[String(key)] {
                    current = member
                } else if let index = Int(key), let element = current[index] {
                    current = element
                } else {
                    throw .invalid(reference, "'\(reference.head)' has no member '\(key)'")
                }
            }
            return current
        }
    }

    /// The template with every placeholder replaced by its value's text.
    func render(_ template: Template) throws(TemplateError) -> String {
        var text = ""
        for part in template.parts {
            switch part {
            case .literal(let literal): text += literal
            case .placeholder(let reference): text += try resolve(reference).templateText
            }
        }
        return text
    }

    /// The template's value: the placeholder's own JSON value when the template is exactly `{{name}}`,
    /// otherwise the rendered string.
    func value(of template: Template) throws(TemplateError) -> JSONValue {
        if let reference = template.soleReference { return try resolve(reference) }
        return .string(try render(template))
    }
}

extension JSONValue {
    /// How a value reads inside a string: strings as they are, everything else as JSON.
    var templateText: String {
        if case .string(let string) = self { return string }
        return serialized
    }
}

/// A placeholder that cannot be filled in.
enum TemplateError: Error, Sendable, CustomStringConvertible {
    case undefined(Reference, String)
    case missingEnvironment(String, Reference)
    case invalid(Reference, String)

    var reference: Reference {
        switch self {
        case .undefined(let reference, _), .missingEnvironment(_, let reference), .invalid(let reference, _): reference
        }
    }

    var description: String {
        switch self {
        case .undefined(let reference, let hint): "undefined variable '\(reference.head)'\(hint)"
        case .missingEnvironment(let name, _): "environment variable \(name) is not set"
        case .invalid(let reference, let why): "cannot resolve '{{\(reference.name)}}': \(why)"
        }
    }
}
