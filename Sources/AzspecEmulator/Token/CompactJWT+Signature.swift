import AzspecCore
import Foundation
import _CryptoExtras

/// What the emulator needs beyond reading a JWT: the algorithms it verifies and the check itself.
extension CompactJWT {
    /// The signature algorithms the emulator verifies (RSA with SHA-256).
    enum Algorithm: String, Sendable {
        case rs256 = "RS256"
        case ps256 = "PS256"

        var padding: _RSA.Signing.Padding {
            switch self {
            case .rs256: .insecurePKCS1v1_5
            case .ps256: .PSS
            }
        }
    }

    /// The header's `alg` when it is one the emulator verifies.
    var algorithm: Algorithm? {
        header["alg"]?.stringValue.flatMap(Algorithm.init(rawValue:))
    }

    /// True when the signature verifies with `key` under `algorithm`.
    func isSigned(by key: _RSA.Signing.PublicKey, algorithm: Algorithm) -> Bool {
        key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: Data(signature)), for: Data(signingInput), padding: algorithm.padding)
    }
}
