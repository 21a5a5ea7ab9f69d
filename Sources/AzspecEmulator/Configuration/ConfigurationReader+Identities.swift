import AzspecCore
import Yams

/// Credentials, federated issuers, managed identities and the test-issuer settings.
extension ConfigurationReader {
    mutating func readIdentitySettings(_ fields: [String: Node], into configuration: inout EmulatorConfiguration) {
        if let node = fields["federatedIssuers"] {
            configuration.federatedIssuers =
                yaml.sequence(node, "federatedIssuers", allowingNull: true)?.compactMap { federatedIssuer($0) } ?? []
        }
        if let node = fields["managedIdentities"] {
            configuration.managedIdentities =
                yaml.sequence(node, "managedIdentities", allowingNull: true)?.compactMap { managedIdentity($0) } ?? []
        }
        if let node = fields["defaultManagedIdentity"] {
            configuration.defaultManagedIdentity = yaml.string(node, "defaultManagedIdentity")
        }
        if let node = fields["githubRequestToken"], let value = yaml.string(node, "githubRequestToken") {
            configuration.githubRequestToken = value
        }
        if let node = fields["githubSubject"], let value = yaml.string(node, "githubSubject") {
            configuration.githubSubject = value
        }
        if let node = fields["identityHeader"], let value = yaml.string(node, "identityHeader") {
            configuration.identityHeader = value
        }
    }

    mutating func certificate(_ node: Node) -> EmulatorConfiguration.Certificate? {
        guard let fields = yaml.fields(node, ConfigurationFormat.certificate),
            let pem = fields["pem"].flatMap({ yaml.string($0, "pem") })
        else { return nil }
        var certificate = EmulatorConfiguration.Certificate(pem: pem)
        certificate.location = fields["pem"].flatMap { yaml.location(of: $0) } ?? yaml.location(of: node)
        return certificate
    }

    mutating func federatedCredential(_ node: Node) -> EmulatorConfiguration.FederatedCredential? {
        guard
            let fields = yaml.fields(node, ConfigurationFormat.federatedCredential),
            let issuer = fields["issuer"].flatMap({ yaml.string($0, "issuer") }),
            let subject = fields["subject"].flatMap({ yaml.string($0, "subject") })
        else { return nil }
        var credential = EmulatorConfiguration.FederatedCredential(
            name: fields["name"].flatMap { yaml.string($0, "name") },
            issuer: issuer,
            subject: subject
        )
        if let audiences = fields["audiences"].flatMap({ yaml.strings($0, "audiences") }) {
            credential.audiences = audiences
        }
        return yaml.located(credential, node, fields, at: \.location)
    }

    mutating func federatedIssuer(_ node: Node) -> EmulatorConfiguration.FederatedIssuer? {
        guard let fields = yaml.fields(node, ConfigurationFormat.federatedIssuer),
            let issuer = fields["issuer"].flatMap({ yaml.string($0, "issuer") }),
            let publicKey = fields["publicKey"].flatMap({ yaml.string($0, "publicKey") })
        else { return nil }
        let entry = EmulatorConfiguration.FederatedIssuer(issuer: issuer, publicKey: publicKey)
        return yaml.located(entry, node, fields, at: \.location)
    }

    mutating func managedIdentity(_ node: Node) -> EmulatorConfiguration.ManagedIdentity? {
        guard let fields = yaml.fields(node, ConfigurationFormat.managedIdentity),
            let name = fields["name"].flatMap({ yaml.string($0, "name") }),
            let clientId = fields["clientId"].flatMap({ yaml.string($0, "clientId") }),
            let objectId = fields["objectId"].flatMap({ yaml.string($0, "objectId") }),
            let tenant = fields["tenant"].flatMap({ yaml.string($0, "tenant") })
        else { return nil }
        let identity = EmulatorConfiguration.ManagedIdentity(
            name: name,
            clientId: clientId,
            objectId: objectId,
            resourceId: fields["resourceId"].flatMap { yaml.string($0, "resourceId") },
            tenant: tenant
        )
        return yaml.located(identity, node, fields, at: \.location)
    }
}
