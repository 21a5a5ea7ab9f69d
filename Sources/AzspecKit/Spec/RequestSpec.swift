import AzspecCore
import JSONPath

/// The HTTP request of a test, with templates still unresolved.
struct RequestSpec: Sendable {
    var method: String
    var url: Template
    var query: [(name: String, value: Template)]
    var headers: [(name: String, value: Template)]
    var body: BodySpec?
    /// Seconds; nil means the run's default.
    var timeout: Double?
    /// Follow `nextLink` up to this many pages and assert on the joined `value` (nil: one page).
    var paginate: Int? = nil
    /// Follow a long-running operation to its end, for at most this many seconds (nil: do not poll).
    var poll: Double? = nil
}

/// A request body: a form (`application/x-www-form-urlencoded`), a JSON document, or raw text.
enum BodySpec: Sendable {
    case form([(name: String, value: Template)])
    case json(JSONTemplate)
    case raw(Template)
}
