import AzspecCore
import Foundation

/// A federated token (the JWT a workload identity presents as `client_assertion`): read from its file with a
/// size cap, and checked for being a JWT that has not expired. One rule for validation and for acquisition.
enum FederatedToken {
    /// The token in the file at `path` (surrounding white space trimmed), or why it cannot be presented.
    static func read(file path: String) throws(FederatedTokenError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, as: .federatedToken)
        } catch {
            throw FederatedTokenError(description: error.description, token: nil)
        }
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw FederatedTokenError(description: "the federated token file \(path) is empty", token: nil) }
        if let problem = problem(token, from: "the federated token in \(path)") {
            throw FederatedTokenError(description: problem, token: token)
        }
        return token
    }

    /// Why a federated token (`source` says where it came from) cannot be presented: it is not a JWT or it expired.
    static func problem(_ token: String, from source: String) -> String? {
        guard let claims = CompactJWT(token)?.claims else { return "\(source) is not a JWT" }
        if let exp = claims["exp"]?.numberValue, exp <= Date().timeIntervalSince1970 {
            let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: exp))
            return "\(source) expired at \(when)"
        }
        return nil
    }
}

/// Why a federated token cannot be used; `token` is what was read, if anything (a secret, to register before the
/// error is shown).
struct FederatedTokenError: Error, CustomStringConvertible {
    let description: String
    let token: String?
}
