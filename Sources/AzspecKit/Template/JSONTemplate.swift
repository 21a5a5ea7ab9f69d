import AzspecCore

/// A JSON document whose strings may hold placeholders.
indirect enum JSONTemplate: Sendable {
    case value(JSONValue)
    case string(Template)
    case array([JSONTemplate])
    case object([(String, JSONTemplate)])
}
