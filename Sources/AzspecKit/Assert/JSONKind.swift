import AzspecCore
import Foundation

/// The JSON types `type:` can name. `integer` is a number with no fractional part.
enum JSONKind: String, Sendable, CaseIterable {
    case string, number, integer, boolean, array, object, null

    func describes(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.array, .array), (.object, .object),
            (.null, .null):
            true
        case (.integer, .number): value.isInteger
        default: false
        }
    }
}
