import Yams

/// Credentials, federated issuers, managed identities and the test-issuer settings.
extension ConfigurationReader {
    mutating func readIdentitySettings(_ fields: [String: Node], into configuration: inout EmulatorConfiguration) {
        if let node = fields["federatedIssuers"] {
            configuration.federatedIssuers =
                sequence(node, "federatedIssuers")?.compactMap { federatedIssuer($0) } ?? []
        }
        if let node = fields["managedIdentities"] {
            configuration.managedIdentities =
                sequence(node, "managedIdentities")?.compactMap { managedIdentity($0) } ?? []
        }
        if let node = fields["defaultManagedIdentity"] {
            configuration.defaultManagedIdentity = string(node, "defaultManagedIdentity")
        }
        if let node = fields["githubRequestToken"], let value = string(node, "githubRequestToken") {
            configuration.githubRequestToken = value
        }
        if let node = fields["githubSubject"], let value = string(node, "githubSubject") {
            configuration.githubSubject = value
        }
        if let node = fields["identityHeader"], let value = string(node, "identityHeader") {
            configuration.identityHeader = value
        }
    }

    mutating func certificate(_ node: Node) -> EmulatorConfiguration.Certificate? {
        guard let fields = mapping(node, "a certificate", keys: ["pem"], required: ["pem"]),
            let pem = fields["pem"].flatMap({ string($0, "pem") })
        else { return nil }
        var certificate = EmulatorConfiguration.Certificate(pem: pem)
        certificate.location = fields["pem"].flatMap { location(of: $0) } ?? location(of: node)
        return certificate
    }

    mutating func federatedCredential(_ node: Node) -> EmulatorConfiguration.FederatedCredential? {
        let keys = ["name", "issuer", "subject", "audiences"]
        guard
            let fields = mapping(node, "a federated credential", keys: keys, required: ["issuer", "subject"]),
            let issuer = fields["issuer"].flatMap({ string($0, "issuer") }),
            let subject = fields["subject"].flatMap({ string($0, "subject") })
        else { return nil }
        var credential = EmulatorConfiguration.FederatedCredential(
            name: fields["name"].flatMap { string($0, "name") },
            issuer: issuer,
            subject: subject
        )
        if let audiences = fields["audiences"].flatMap({ strings($0, "audiences") }) {
            credential.audiences = audiences
        }
        credential.location = location(of: node)
        credential.fieldLocations = locations(of: fields)
        return credential
    }

    mutating func federatedIssuer(_ node: Node) -> EmulatorConfiguration.FederatedIssuer? {
        let keys = ["issuer", "publicKey"]
        guard let fields = mapping(node, "a federated issuer", keys: keys, required: keys),
            let issuer = fields["issuer"].flatMap({ string($0, "issuer") }),
            let publicKey = fields["publicKey"].flatMap({ string($0, "publicKey") })
        else { return nil }
        var entry = EmulatorConfiguration.FederatedIssuer(issuer: issuer, publicKey: publicKey)
        entry.location = location(of: node)
        entry.fieldLocations = locations(of: fields)
        return entry
    }

    mutating func managedIdentity(_ node: Node) -> EmulatorConfiguration.ManagedIdentity? {
        let keys = ["name", "clientId", "objectId", "resourceId", "tenant"]
        let required = ["name", "clientId", "objectId", "tenant"]
        guard let fields = mapping(node, "a managed identity", keys: keys, required: required),
            let name = fields["name"].flatMap({ string($0, "name") }),
            let clientId = fields["clientId"].flatMap({ string($0, "clientId") }),
            let objectId = fields["objectId"].flatMap({ string($0, "objectId") }),
            let tenant = fields["tenant"].flatMap({ string($0, "tenant") })
        else { return nil }
        var identity = EmulatorConfiguration.ManagedIdentity(
            name: name,
            clientId: clientId,
            objectId: objectId,
            resourceId: fields["resourceId"].flatMap { string($0, "resourceId") },
            tenant: tenant
        )
        identity.location = location(of: node)
        identity.fieldLocations = locations(of: fields)
        return identity
    }
}
