import AzspecCore
import NIOCore

/// The fields of a resource group PUT or PATCH body.
struct ResourceGroupBody: Sendable {
    /// Absent when the body has no `location`.
    var location: String?
    /// `.none`: not in the body; `.some(nil)`: `"tags": null`.
    var tags: [(key: String, value: String)]??
    var managedBy: String??

    /// Parses a JSON object body; an empty body counts as `{}`.
    init(_ buffer: ByteBuffer?) throws(ARMError) {
        let bytes = buffer.map { Array($0.readableBytesView) } ?? []
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            // Worded like the .NET deserializer behind ARM ("… Path '', line 1, position 12.").
            throw .invalidRequestContent("\(error.message). Path '', line \(error.line), position \(error.column).")
        }
        guard let members = json.objectValue else {
            throw .invalidRequestContent("The request content must be a JSON object.")
        }
        for (key, value) in members {
            switch key.lowercased() {
            case "location":
                guard case .string(let text) = value else {
                    throw .invalidRequestContent("Error converting value to type 'System.String'. Path 'location'.")
                }
                location = text
            case "tags":
                tags = .some(try Self.tags(value))
            case "managedby":
                if case .null = value {
                    managedBy = .some(nil)
                } else if case .string(let text) = value {
                    managedBy = .some(text)
                } else {
                    throw .invalidRequestContent("Error converting value to type 'System.String'. Path 'managedBy'.")
                }
            default:
                continue
            }
        }
    }

    /// Tag values may be strings, numbers or booleans (the .NET deserializer converts them); null means none.
    private static func tags(_ value: JSONValue) throws(ARMError) -> [(key: String, value: String)]? {
        if case .null = value { return nil }
        guard let members = value.objectValue else {
            throw .invalidRequestContent("Error converting value to type 'Dictionary`2'. Path 'tags'.")
        }
        var tags: [(key: String, value: String)] = []
        for (key, item) in members {
            let text: String
            switch item {
            case .string(let string): text = string
            case .number: text = item.serialized
            case .bool(let flag): text = flag ? "True" : "False"
            case .null: text = ""
            default:
                throw .invalidRequestContent("Unexpected value for tag '\(key)'. Path 'tags.\(key)'.")
            }
            if let index = tags.firstIndex(where: { $0.key.lowercased() == key.lowercased() }) {
                tags[index] = (key, text)
            } else {
                tags.append((key, text))
            }
        }
        return tags
    }
}
