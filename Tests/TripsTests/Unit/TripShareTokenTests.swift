import Crypto
import Foundation
import Platform
import Testing

@testable import Trips

@Suite("Unit: trip share tokens")
struct TripShareTokenUnitTests {
    static let hasher = SecretHasher(key: SymmetricKey(data: Data(repeating: 7, count: 32)))
    static let tripId = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
    static let expiry = Date(timeIntervalSince1970: 1_800_000_000)

    static var token: String { TripShareToken(tripId: tripId, expiresAt: expiry).encoded(with: hasher) }

    @Test("a token is base64url of 24 bytes, a dot and a hex HMAC-SHA256, and reads back its trip and expiry")
    func roundTrip() throws {
        let parts = Self.token.split(separator: ".").map(String.init)
        #expect(parts.count == 2)
        #expect(parts[0].count == 32)  // 24 bytes in base64 without padding
        #expect(parts[1].count == 64 && parts[1].allSatisfy(\.isHexDigit))
        let read = try #require(TripShareToken.verify(Self.token, with: Self.hasher, now: Self.expiry - 1))
        #expect(read.tripId == Self.tripId)
        #expect(read.expiresAt == Self.expiry)
    }

    @Test("expiry is kept in whole seconds")
    func wholeSeconds() {
        #expect(TripShareToken(tripId: Self.tripId, expiresAt: Self.expiry + 0.9).expiresAt == Self.expiry)
    }

    @Test("a token works until the second it expires, not at it")
    func expiry() {
        #expect(TripShareToken.verify(Self.token, with: Self.hasher, now: Self.expiry - 1) != nil)
        #expect(TripShareToken.verify(Self.token, with: Self.hasher, now: Self.expiry) == nil)
        #expect(TripShareToken.verify(Self.token, with: Self.hasher, now: Self.expiry + 3600) == nil)
    }

    @Test("any changed character voids the token")
    func tampered() {
        let token = Array(Self.token)
        let early = Self.expiry - 3600
        for position in [0, 10, 20, 31, 33, 60, token.count - 1] {
            var changed = token
            changed[position] = changed[position] == "A" ? "B" : "A"
            #expect(TripShareToken.verify(String(changed), with: Self.hasher, now: early) == nil, "at \(position)")
        }
    }

    @Test("a token under another secret or purpose, or malformed, is refused")
    func forged() {
        let early = Self.expiry - 3600
        let otherKey = SecretHasher(key: SymmetricKey(data: Data(repeating: 8, count: 32)))
        #expect(TripShareToken.verify(Self.token, with: otherKey, now: early) == nil)
        // The same payload signed for another purpose (another kind of secret) does not pass.
        let payload = String(Self.token.prefix { $0 != "." })
        #expect(
            TripShareToken.verify(
                payload + "." + Self.hasher.hash(payload, purpose: "other"), with: Self.hasher, now: early) == nil)
        // A correctly signed payload of the wrong length is still refused.
        let short = Data(repeating: 1, count: 20).base64URLEncodedString()
        let signedShort = short + "." + Self.hasher.hash(short, purpose: TripShareToken.purpose)
        #expect(TripShareToken.verify(signedShort, with: Self.hasher, now: early) == nil)
        for malformed in ["", ".", payload, Self.token + ".x", "." + Self.token] {
            #expect(TripShareToken.verify(malformed, with: Self.hasher, now: early) == nil, "\(malformed)")
        }
    }
}
