public import AzspecCore
import AzspecEmulator
public import AzspecKit

extension SpecSchema {
    /// The document `azspec schema` prints: the spec format's with the emulator configuration's definitions joined.
    public static var completeDocument: JSONValue { document(joining: ConfigurationFormat.definitions) }
}
