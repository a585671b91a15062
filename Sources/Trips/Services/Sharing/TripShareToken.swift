import Foundation
import Platform

/// A signed link token for one trip: `<payload>.<mac>`, where the payload is base64url of the trip id's 16
/// bytes and the expiry (Unix seconds, 8 bytes big-endian), and the mac is HMAC-SHA256 of the payload text under
/// the server's secret, bound to the purpose `trips.share.v1` (`SecretHasher`).
///
/// Nothing is stored: a token is valid until it expires, and changing `P2P_SECRET_KEY` voids every token.
struct TripShareToken: Equatable, Sendable {
    static let purpose = "trips.share.v1"

    var tripId: UUID
    /// Whole seconds.
    var expiresAt: Date

    init(tripId: UUID, expiresAt: Date) {
        self.tripId = tripId
        self.expiresAt = Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down))
    }

    func encoded(with hasher: SecretHasher) -> String {
        var bytes = withUnsafeBytes(of: tripId.uuid) { Data($0) }
        withUnsafeBytes(of: UInt64(expiresAt.timeIntervalSince1970).bigEndian) { bytes.append(contentsOf: $0) }
        let payload = bytes.base64URLEncodedString()
        return payload + "." + hasher.hash(payload, purpose: Self.purpose)
    }

    /// The token's trip and expiry; nil when it is malformed, its mac does not match, or it has expired.
    static func verify(_ token: String, with hasher: SecretHasher, now: Date) -> TripShareToken? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, hasher.matches(parts[0], purpose: purpose, hash: parts[1]),
            let data = Data(base64URLEncoded: parts[0]), data.count == 24
        else { return nil }
        let b = Array(data)
        let tripId = UUID(
            uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
        )
        let seconds = b[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let token = TripShareToken(tripId: tripId, expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return token.expiresAt > now ? token : nil
    }
}
