import AzspecCore
import Hummingbird

/// `GET /metadata/endpoints?api-version=…`: Resource Manager's cloud metadata, which `az cloud register
/// --endpoint-resource-manager` reads to learn a cloud's authority, token audience and suffixes. It names the emulator
/// as the cloud's authority, Resource Manager and Microsoft Graph (`{baseURL}/graph/`). api-version 2019-05-01 answers a list of clouds; 2022-09-01 and the
/// others answer the one cloud (2015-01-01 and 1.0 with their older field names too).
enum CloudMetadataEndpoint {
    static func endpoints(_ request: Request, baseURL: String) -> Response {
        let version = request.uri.queryParameters["api-version"].map(String.init) ?? "2022-09-01"
        let list = version == "2019-05-01"
        let login = baseURL + (list ? "/" : "")
        let audiences: JSONValue = ["https://management.core.windows.net/", "https://management.azure.com/", .string(baseURL + "/")]
        var cloud: JSONObject = [
            "portal": .string(baseURL),
            "authentication": .object([
                "loginEndpoint": .string(login), "audiences": audiences, "tenant": "common", "identityProvider": "AAD",
            ]),
            "media": .string(baseURL + "/"),
            "graphAudience": "https://graph.windows.net/",
            "graph": "https://graph.windows.net/",
            "name": "AzspecEmulator",
            "suffixes": [
                "acrLoginServer": "azurecr.io", "sqlServerHostname": "database.windows.net", "keyVaultDns": "vault.azure.net",
                "storage": "core.windows.net", "mhsmDns": "managedhsm.azure.net",
            ],
            "batch": "https://batch.core.windows.net/",
            "resourceManager": .string(baseURL + "/"),
            "vmImageAliasDoc":
                "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/quickstart-templates/aliases.json",
            "activeDirectoryDataLake": "https://datalake.azure.net/",
            "sqlManagement": "https://management.core.windows.net:8443/",
            // Graph's address and token audience at once (as a national cloud's graph.microsoft.us is): the emulator.
            "microsoftGraphResourceId": .string(baseURL + "/graph/"),
        ]
        if version == "2015-01-01" || version == "1.0" || version == "2018-01-01" {
            cloud["galleryEndpoint"] = .string(baseURL + "/")
            cloud["graphEndpoint"] = "https://graph.windows.net/"
            cloud["portalEndpoint"] = .string(baseURL)
        }
        return JSONResponse.make(.ok, list ? .array([.object(cloud)]) : .object(cloud))
    }
}
