import AzspecCore
import Foundation

/// Turns a test's request spec into a concrete request inside a scope.
enum HTTPRequestBuilder {
    /// `defaults` are azspec.yaml's: a URL starting with `/` is a path on the cloud's Resource Manager, and a request
    /// to Resource Manager without `api-version` gets the default one.
    static func prepare(
        _ spec: RequestSpec, in scope: TemplateScope, defaultTimeout: Double, defaults: RequestDefaults = .none
    ) throws(RequestError) -> PreparedRequest {
        do {
            var url = try scope.render(spec.url)
            if url.hasPrefix("/") { url = scope.cloud.arm + url }
            var pairs: [String] = []
            for (name, value) in spec.query {
                pairs.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(try scope.render(value)))
            }
            // Only a project with api-version defaults pays for looking at the URL (no URL parsing otherwise).
            if defaults.hasAPIVersions, !spec.query.contains(where: { $0.name.equalsIgnoringASCIICase("api-version") }),
                !url.containsIgnoringASCIICase("api-version="),
                TokenRouting.sameOrigin(url, as: scope.cloud.arm),
                let version = defaults.apiVersion(forPath: URLComponents(string: url)?.path ?? url)
            {
                pairs.append("api-version=" + PercentEncoding.encode(version))
            }
            if !pairs.isEmpty { url += (url.contains("?") ? "&" : "?") + pairs.joined(separator: "&") }
            if let problem = RequestSyntax.urlProblem(url) { throw RequestError.unsendable(problem, spec.url.location) }
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
                parsed.host?.isEmpty == false
            else {
                throw RequestError.invalidURL(url, spec.url.location)
            }
            var headers: [(String, String)] = []
            for (name, value) in spec.headers {
                let rendered = try scope.render(value)
                if let problem = RequestSyntax.headerValueProblem(rendered) {
                    throw RequestError.unsendable(
                        "header '\(name)', its placeholders filled in, \(problem); nothing was sent", value.location)
                }
                headers.append((name, rendered))
            }
            for (name, value) in defaults.headers where !headers.contains(where: { $0.0.equalsIgnoringASCIICase(name) }) {
                let rendered = try scope.render(value)
                if let problem = RequestSyntax.headerValueProblem(rendered) {
                    throw RequestError.unsendable(
                        "azspec.yaml's header '\(name)', its placeholders filled in, \(problem); nothing was sent", value.location)
                }
                headers.append((name, rendered))
            }
            var body: [UInt8]?
            var contentType: String?
            switch spec.body {
            case .form(let fields):
                var pairs: [String] = []
                for (name, value) in fields {
                    pairs.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(try scope.render(value)))
                }
                body = Array(pairs.joined(separator: "&").utf8)
                contentType = "application/x-www-form-urlencoded"
            case .json(let template):
                body = Array(try template.resolve(in: scope).serialized.utf8)
                contentType = "application/json"
            case .raw(let template):
                body = Array(try scope.render(template).utf8)
            case nil:
                break
            }
            if let contentType, !headers.contains(where: { $0.0.equalsIgnoringASCIICase("content-type") }) {
                headers.append(("Content-Type", contentType))
            }
            return PreparedRequest(
                method: spec.method, url: url, headers: headers, body: body, timeout: spec.timeout ?? defaults.timeout ?? defaultTimeout,
                plainHTTPHost: scheme == "http" && !Origin.isLoopback(parsed.host ?? "") ? parsed.host : nil, parsedURL: parsed)
        } catch let error as TemplateError {
            throw .template(error)
        } catch let error as RequestError {
            throw error
        } catch {
            throw .invalidURL(String(describing: error), spec.url.location)
        }
    }
}

/// Why a request could not be built.
enum RequestError: Error, CustomStringConvertible {
    case template(TemplateError)
    case invalidURL(String, SourceLocation)
    case unsendable(String, SourceLocation)

    var description: String {
        switch self {
        case .template(let error): "\(error.reference.location): \(error)"
        case .unsendable(let problem, let location): "\(location): \(problem)"
        case .invalidURL(let url, let location): "\(location): '\(url)' is not an http(s) URL with a host"
        }
    }
}
