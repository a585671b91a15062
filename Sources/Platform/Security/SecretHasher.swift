import Crypto
import Foundation

/// Hashes secrets that are stored for later comparison (verification codes, reset codes, refresh tokens).
///
/// Short codes (six digits) would fall to an offline brute force with a plain hash, so every hash is an
/// HMAC keyed with the server's secret ("pepper") and bound to its purpose.
public struct SecretHasher: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    /// Hex HMAC-SHA256 of `purpose:secret`.
    public func hash(_ secret: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(purpose):\(secret)".utf8), using: key)
        return mac.hexString
    }

    /// Constant-time comparison of a candidate against a stored hash.
    public func matches(_ candidate: String, purpose: String, hash stored: String) -> Bool {
        ConstantTime.equals(hash(candidate, purpose: purpose), stored)
    }
}

/// Comparisons whose duration does not depend on where two secrets differ.
public enum ConstantTime {
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    public var hexString: String {
        map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
