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
            let pem = yaml.string("pem", in: fields)
        else { return nil }
        var certificate = EmulatorConfiguration.Certificate(pem: pem)
        certificate.location = fields["pem"].flatMap { yaml.location(of: $0) } ?? yaml.location(of: node)
        return certificate
    }

    mutating func federatedCredential(_ node: Node) -> EmulatorConfiguration.FederatedCredential? {
        guard
            let fields = yaml.fields(node, ConfigurationFormat.federatedCredential),
            let issuer = yaml.string("issuer", in: fields),
            let subject = yaml.string("subject", in: fields)
        else { return nil }
        var credential = EmulatorConfiguration.FederatedCredential(
            name: yaml.string("name", in: fields),
            issuer: issuer,
            subject: subject
        )
        if let audiences = yaml.strings("audiences", in: fields) {
            credential.audiences = audiences
        }
        return yaml.located(credential, node, fields, at: \.location)
    }

    mutating func federatedIssuer(_ node: Node) -> EmulatorConfiguration.FederatedIssuer? {
        guard let fields = yaml.fields(node, ConfigurationFormat.federatedIssuer),
            let issuer = yaml.string("issuer", in: fields),
            let publicKey = yaml.string("publicKey", in: fields)
        else { return nil }
        let entry = EmulatorConfiguration.FederatedIssuer(issuer: issuer, publicKey: publicKey)
        return yaml.located(entry, node, fields, at: \.location)
    }

    mutating func managedIdentity(_ node: Node) -> EmulatorConfiguration.ManagedIdentity? {
        guard let fields = yaml.fields(node, ConfigurationFormat.managedIdentity),
            let name = yaml.string("name", in: fields),
            let clientId = yaml.string("clientId", in: fields),
            let objectId = yaml.string("objectId", in: fields),
            let tenant = yaml.string("tenant", in: fields)
        else { return nil }
        let identity = EmulatorConfiguration.ManagedIdentity(
            name: name,
            clientId: clientId,
            objectId: objectId,
            resourceId: yaml.string("resourceId", in: fields),
            tenant: tenant
        )
        return yaml.located(identity, node, fields, at: \.location)
    }
}
