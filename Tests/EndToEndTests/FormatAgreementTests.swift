import AzspecCore
import AzspecTesting
import Foundation
import Testing

@testable import AzspecEmulator
@testable import AzspecKit

/// The loader and the JSON Schema agree, in Swift alone: for every object of the spec format, `azspec.yaml` and the
/// emulator's configuration, the keys the loader accepts are the schema's `properties` and the keys it requires are
/// the schema's `required`, both ways. (`SchemaTests` checks documents against the schema with Python's jsonschema,
/// as a second opinion.)
@Suite struct FormatAgreementTests {
    static let schema: JSONValue? = SpecSchema.completeDocument

    static func names(_ value: JSONValue?) -> Set<String> {
        switch value {
        case .object(let object): Set(object.keys)
        case .array(let items): Set(items.compactMap { if case .string(let name) = $0 { name } else { nil } })
        default: []
        }
    }

    static let objects: [(format: String, object: FormatObject)] =
        SpecFormat.all.map { ("spec", $0) } + ConfigurationFormat.all.map { ("emulator", $0) }

    @Test(arguments: objects.map(\.object.pointer))
    func theLoaderAndTheSchemaTakeTheSameKeys(_ pointer: String) throws {
        let object = try #require(Self.objects.first { $0.object.pointer == pointer }?.object)
        let document = try #require(Self.schema, "azspec schema is JSON")
        let node = try #require(FormatReference.resolve(pointer, in: document), "\(pointer) is in the schema")
        let properties = Self.names(node["properties"])
        #expect(!properties.isEmpty, "\(pointer) lists properties")
        #expect(properties.subtracting(object.keys).sorted() == [], "\(object.name): in the schema, not the loader")
        #expect(Set(object.keys).subtracting(properties).sorted() == [], "\(object.name): in the loader, not the schema")
        #expect(Self.names(node["required"]) == Set(object.required), "\(object.name): required keys")
    }

    @Test func everyIdentityKindsKeysAreItsSchemaBranchsKeys() throws {
        let document = try #require(Self.schema)
        let identity = try #require(FormatReference.resolve("/$defs/identity", in: document))
        #expect(Self.names(identity["properties"]?["kind"]?["enum"]) == Set(SpecFormat.identityKinds.map(\.kind)))
    }
}
