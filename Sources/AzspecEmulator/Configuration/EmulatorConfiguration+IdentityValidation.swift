import AzspecCore

/// Checks of certificates, federated credentials and issuers, and managed identities.
extension ConfigurationChecker {
    /// The issuer name of the built-in test issuer, before `{baseURL}` is replaced.
    static let testIssuer = EmulatorConfiguration.Defaults.testIssuer

    mutating func checkCredentials(_ principal: EmulatorConfiguration.ServicePrincipal, location: SourceLocation?) {
        for certificate in principal.certificates {
            do {
                let text = try PEMSource.text(of: certificate.pem, relativeTo: configuration.baseDirectory)
                _ = try RegisteredCertificate(pem: text)
            } catch {
                report(certificate.location ?? location, "certificate of '\(principal.name)': \(error)")
            }
        }
        let knownIssuers = Set([Self.testIssuer] + configuration.federatedIssuers.map(\.issuer))
        for credential in principal.federatedCredentials {
            let fields = credential.fieldLocations
            let credentialLocation = credential.location ?? location
            if credential.issuer.isEmpty {
                report(fields["issuer"] ?? credentialLocation, "a federated credential needs an issuer")
            } else if !knownIssuers.contains(credential.issuer) {
                report(
                    fields["issuer"] ?? credentialLocation,
                    "federated credential issuer '\(credential.issuer)' is neither the built-in test issuer "
                        + "'\(Self.testIssuer)' nor listed in federatedIssuers (the emulator needs its public key)")
            }
            if credential.subject.isEmpty {
                report(fields["subject"] ?? credentialLocation, "a federated credential needs a subject")
            }
            if credential.audiences.isEmpty || credential.audiences.contains(where: \.isEmpty) {
                report(
                    fields["audiences"] ?? credentialLocation,
                    "a federated credential needs at least one audience (usually api://AzureADTokenExchange)")
            }
        }
    }

    mutating func checkFederatedIssuers() {
        var issuers: Set<String> = [Self.testIssuer]
        for issuer in configuration.federatedIssuers {
            let fields = issuer.fieldLocations
            let location = issuer.location ?? configuration.location
            if issuer.issuer.isEmpty {
                report(fields["issuer"] ?? location, "a federated issuer needs an issuer URL")
            } else if !issuers.insert(issuer.issuer).inserted {
                report(fields["issuer"] ?? location, "duplicate federated issuer '\(issuer.issuer)'")
            }
            do {
                let text = try PEMSource.text(of: issuer.publicKey, relativeTo: configuration.baseDirectory)
                _ = try IssuerPublicKey.read(pem: text)
            } catch {
                report(fields["publicKey"] ?? location, "public key of federated issuer '\(issuer.issuer)': \(error)")
            }
        }
    }

    mutating func checkManagedIdentities(objectIds: inout Set<String>) {
        var names: [String: Set<String>] = [:]
        for tenant in configuration.tenants {
            names[tenant.id.lowercased()] = Set(tenant.servicePrincipals.map { $0.name.lowercased() })
        }
        var clientIds: Set<String> = []
        for identity in configuration.managedIdentities {
            let fields = identity.fieldLocations
            let location = identity.location ?? configuration.location
            guard let tenant = self.tenant(identity.tenant) else {
                report(
                    fields["tenant"] ?? location,
                    "managed identity '\(identity.name)' names unknown tenant '\(identity.tenant)'")
                continue
            }
            let tenantKey = tenant.id.lowercased()
            if identity.name.isEmpty {
                report(fields["name"] ?? location, "a managed identity needs a name")
            } else if names[tenantKey, default: []].insert(identity.name.lowercased()).inserted == false {
                report(
                    fields["name"] ?? location,
                    "duplicate principal name '\(identity.name)' in tenant '\(tenant.id)' (service principals and "
                        + "managed identities share names)")
            }
            if requireGUID(identity.clientId, "clientId", fields["clientId"] ?? location),
                !clientIds.insert(identity.clientId.lowercased()).inserted
            {
                report(fields["clientId"] ?? location, "duplicate managed identity clientId '\(identity.clientId)'")
            }
            if requireGUID(identity.objectId, "objectId", fields["objectId"] ?? location),
                !objectIds.insert(identity.objectId.lowercased()).inserted
            {
                report(fields["objectId"] ?? location, "duplicate objectId '\(identity.objectId)'")
            }
        }
        if let name = configuration.defaultManagedIdentity,
            !configuration.managedIdentities.contains(where: { $0.name.lowercased() == name.lowercased() })
        {
            report(
                configuration.fieldLocations["defaultManagedIdentity"] ?? configuration.location,
                "defaultManagedIdentity '\(name)' is not one of managedIdentities")
        }
    }

    /// The managed identities that live in `tenant`.
    func managedIdentities(of tenant: EmulatorConfiguration.Tenant) -> [EmulatorConfiguration.ManagedIdentity] {
        configuration.managedIdentities.filter { self.tenant($0.tenant)?.id.lowercased() == tenant.id.lowercased() }
    }

    /// The tenant with this id or domain.
    private func tenant(_ idOrDomain: String) -> EmulatorConfiguration.Tenant? {
        let key = idOrDomain.lowercased()
        return configuration.tenants.first {
            $0.id.lowercased() == key || $0.domains.contains { $0.lowercased() == key }
        }
    }
}
