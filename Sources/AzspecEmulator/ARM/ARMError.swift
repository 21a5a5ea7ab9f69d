import AzspecCore
import Hummingbird

/// An ARM error response: status, `{"error":{"code","message"}}`, and for 401s the `WWW-Authenticate` challenge.
/// Texts follow azure-protocol.md §5 verbatim where Azure's wording is known.
struct ARMError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// For 401: the `error_description` of the challenge (the challenge tenant is added by the caller).
    var challengeDescription: String?
    /// Set when the request already took its rate-limit count before failing (so it is not counted twice).
    var remaining: Int?
    /// Seconds for `Retry-After` (a throttled request).
    var retryAfter: Int?

    /// This error, noting what remained of the rate-limit counter the request already consumed.
    func consumed(_ remaining: Int) -> ARMError {
        var error = self
        error.remaining = remaining
        return error
    }

    var body: String {
        JSONValue.object(["error": .object(["code": .string(code), "message": .string(message)])]).serialized
    }

    static let missingApiVersion = ARMError(
        status: .badRequest,
        code: "MissingApiVersionParameter",
        message: "The api-version query parameter (?api-version=) is required for all requests."
    )

    static func invalidApiVersion(_ version: String) -> ARMError {
        ARMError(
            status: .badRequest,
            code: "InvalidApiVersionParameter",
            message: "The api-version '\(version)' is invalid. The supported versions are '\(supportedApiVersions)'."
        )
    }

    static let supportedApiVersions =
        "2025-04-01,2024-11-01,2024-07-01,2024-03-01,2023-07-01,2022-12-01,2022-09-01,2022-06-01,2022-05-01,"
        + "2022-03-01-preview,2022-01-01,2021-04-01,2021-01-01,2020-10-01,2020-09-01,2020-08-01,2020-07-01,"
        + "2020-06-01,2020-05-01,2020-01-01,2019-11-01,2019-10-01,2019-09-01,2019-08-01,2019-07-01,2019-06-01,"
        + "2019-05-10,2019-05-01,2019-03-01,2018-11-01,2018-09-01,2018-08-01,2018-07-01,2018-06-01,2018-05-01,"
        + "2018-02-01,2018-01-01,2017-12-01,2017-08-01,2017-06-01,2017-05-10,2017-05-01,2017-03-01,2016-09-01,"
        + "2016-07-01,2016-06-01,2016-02-01,2015-11-01,2015-01-01,2014-04-01-preview,2014-04-01,2014-01-01,"
        + "2013-03-01,2014-02-26,2014-04"

    // MARK: 401

    static let missingAuthorization = ARMError(
        status: .unauthorized,
        code: "AuthenticationFailed",
        message: "Authentication failed. The 'Authorization' header is missing.",
        challengeDescription: "The authentication failed because of missing 'Authorization' header."
    )

    static let invalidAuthorizationHeader = ARMError(
        status: .unauthorized,
        code: "AuthenticationFailedInvalidHeader",
        message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
        challengeDescription: "The authentication failed because of invalid 'Authorization' header format."
    )

    static let invalidToken = ARMError(
        status: .unauthorized,
        code: "InvalidAuthenticationToken",
        message: "The access token is invalid.",
        challengeDescription: "The access token is invalid."
    )

    static func expiredToken(expires: Int, now: Int) -> ARMError {
        let message =
            "The access token expiry UTC time '\(UTCTime(epochSeconds: expires).usDateTime)' is earlier than "
            + "current UTC time '\(UTCTime(epochSeconds: now).usDateTime)'."
        return ARMError(
            status: .unauthorized,
            code: "ExpiredAuthenticationToken",
            message: message,
            challengeDescription: message
        )
    }

    static func wrongAudience(_ audience: String) -> ARMError {
        let message =
            "The access token has been obtained for wrong audience or resource '\(audience)'. It should exactly match "
            + "with one of the allowed audiences 'https://management.core.windows.net/',"
            + "'https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'."
        return ARMError(
            status: .unauthorized,
            code: "InvalidAuthenticationTokenAudience",
            message: message,
            challengeDescription: message
        )
    }

    static func wrongTenant(issuer: String, tenantId: String) -> ARMError {
        let message =
            "The access token is from the wrong issuer '\(issuer)'. It must match the tenant "
            + "'https://sts.windows.net/\(tenantId)/' associated with this subscription. Please use the authority "
            + "(URL) 'https://login.windows.net/\(tenantId)' to get the token. Note, if the subscription is "
            + "transferred to another tenant there is no impact to the services, but information about new tenant "
            + "could take time to propagate (up to an hour). If you just transferred your subscription and see this "
            + "error message, please try back later."
        return ARMError(
            status: .unauthorized,
            code: "InvalidAuthenticationTokenTenant",
            message: message,
            challengeDescription: message
        )
    }

    // MARK: 403 / 404

    static func authorizationFailed(appId: String, objectId: String, action: RBACAction, scope: String) -> ARMError {
        ARMError(
            status: .forbidden,
            code: "AuthorizationFailed",
            message: "The client '\(appId)' with object id '\(objectId)' does not have authorization to perform "
                + "action '\(action.name)' over scope '\(scope)' or the scope is invalid. If access was recently "
                + "granted, please refresh your credentials."
        )
    }

    static func subscriptionNotFound(_ id: String) -> ARMError {
        ARMError(
            status: .notFound, code: "SubscriptionNotFound", message: "The subscription '\(id)' could not be found.")
    }

    static func resourceGroupNotFound(_ name: String) -> ARMError {
        ARMError(
            status: .notFound, code: "ResourceGroupNotFound", message: "Resource group '\(name)' could not be found.")
    }

    static func unknownPath(_ path: String, apiVersion: String?) -> ARMError {
        let segments = path.split(separator: "/").map(String.init)
        if let index = segments.lastIndex(where: { $0.lowercased() == "providers" }), index + 2 < segments.count {
            let namespace = segments[index + 1]
            let type = segments[index + 2]
            return ARMError(
                status: .notFound,
                code: "InvalidResourceType",
                message: "The resource type '\(type)' could not be found in the namespace '\(namespace)' for api "
                    + "version '\(apiVersion ?? "")'."
            )
        }
        return ARMError(
            status: .notFound,
            code: "NotFound",
            message: "The requested resource '\(path)' was not found."
        )
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method) -> ARMError {
        ARMError(
            status: .methodNotAllowed,
            code: "UnsupportedHttpMethod",
            message: "The requested resource does not support http method '\(method.rawValue)'."
        )
    }

    // MARK: Request content

    static func invalidRequestContent(_ detail: String) -> ARMError {
        ARMError(
            status: .badRequest,
            code: "InvalidRequestContent",
            message: "The request content was invalid and could not be deserialized: '\(detail)'."
        )
    }

    static let locationRequired = ARMError(
        status: .badRequest,
        code: "LocationRequired",
        message: "The location property is required for this definition."
    )

    static func invalidResourceGroupName(_ message: String) -> ARMError {
        ARMError(status: .badRequest, code: "InvalidResourceGroup", message: message)
    }

    static func locationConflict(requested: String, existing: String) -> ARMError {
        ARMError(
            status: .conflict,
            code: "InvalidResourceGroupLocation",
            message: "Invalid resource group location '\(requested)'. The Resource group already exists in location "
                + "'\(existing)'."
        )
    }

    /// 429 as ARM words it (azure-protocol.md §5.6).
    static func throttled(subscription: String, seconds: Int, operation: String = "read", actor: String = "") -> ARMError {
        var error = ARMError(
            status: .tooManyRequests, code: "SubscriptionRequestsThrottled",
            message:
                "Number of '\(operation)' requests for subscription '\(subscription)' actor '\(actor)' exceeded. Please try again after '\(seconds)' seconds."
        )
        error.retryAfter = seconds
        return error
    }

    static func storageAccountNotFound(_ name: String, group: String) -> ARMError {
        ARMError(
            status: .notFound, code: "ResourceNotFound",
            message: "The Resource 'Microsoft.Storage/storageAccounts/\(name)' under resource group '\(group)' was not found.")
    }

    static func accountNameInvalid(_ message: String) -> ARMError {
        ARMError(status: .badRequest, code: "AccountNameInvalid", message: message)
    }

    static func roleDefinitionNotFound(_ id: String) -> ARMError {
        ARMError(
            status: .notFound, code: "RoleDefinitionDoesNotExist",
            message: "The specified role definition with ID '\(id)' does not exist.")
    }

    static func principalNotFound(_ id: String) -> ARMError {
        ARMError(
            status: .badRequest, code: "PrincipalNotFound",
            message: "Principal \(id.filter { $0 != "-" }) does not exist in the directory.")
    }

    static let roleAssignmentExists = ARMError(
        status: .conflict, code: "RoleAssignmentExists", message: "The role assignment already exists.")

    static func invalidQueryParameter(_ name: String, _ value: String) -> ARMError {
        ARMError(
            status: .badRequest,
            code: "InvalidQueryParameterValue",
            message: "The value '\(value)' of query parameter '\(name)' is not valid."
        )
    }

    /// A provider namespace the subscription does not know.
    static func providerNotFound(_ namespace: String) -> ARMError {
        ARMError(
            status: .notFound, code: "InvalidResourceNamespace", message: "The resource namespace '\(namespace)' is invalid.")
    }

    /// A `$filter` of the resources list the emulator cannot read.
    static func invalidFilter(_ filter: String) -> ARMError {
        ARMError(
            status: .badRequest, code: "InvalidFilterInQueryString",
            message: "Invalid $filter '\(filter)' specified in the query string.")
    }

    static func operationNotFound(_ id: String) -> ARMError {
        ARMError(status: .notFound, code: "NotFound", message: "The operation result '\(id)' could not be found.")
    }

    static let requestTooLarge = ARMError(
        status: .contentTooLarge,
        code: "RequestEntityTooLarge",
        message: "The request content length exceeds the limit of 4 MB."
    )
}
