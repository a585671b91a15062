import Foundation
import Platform
import TestSupport
import Testing

@Suite("Passwords longer than bcrypt's 72 bytes")
struct LongPasswordTests {
    /// 100 characters; the two differ only after the 72nd byte, where bcrypt alone stops reading.
    static let stem = "Aa1!" + String(repeating: "x", count: 80)
    static let first = stem + "-first-pw-end"
    static let second = stem + "-other-pw-end"

    @Test("two passwords sharing their first 72 bytes are different passwords")
    func longPasswordsDiffer() async throws {
        try await withTestApp { t in
            #expect(Array(Self.first.utf8.prefix(72)) == Array(Self.second.utf8.prefix(72)))
            let account = try await t.signUp("long@example.com", password: Self.first)
            let wrong = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": Self.second])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.code == "INVALID_CREDENTIALS")
            let right = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": Self.first])
            #expect(right.status == .ok, "\(right.text)")
        }
    }

    @Test("the hasher reads every byte: a digest of the password is what bcrypt sees")
    func hasherReadsEveryByte() throws {
        let hasher = DigestedBcryptHasher(cost: 4)
        let hash = try hasher.hash(Self.first)
        #expect(try hasher.verify(Self.first, created: hash))
        #expect(try !hasher.verify(Self.second, created: hash))
    }
}
