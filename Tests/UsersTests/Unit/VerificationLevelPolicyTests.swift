import Foundation
import Platform
import Testing

@testable import Users

@Suite("Unit: verification level")
struct VerificationLevelPolicyUnitTests {
    /// (e-mail verified, current phone verified, identity approved) → level, all eight combinations.
    static let combinations: [(Bool, Bool, Bool, VerificationLevel)] = [
        (false, false, false, .unverified),
        (false, true, false, .unverified),  // e-mail is the entry ticket: nothing counts without it
        (false, false, true, .unverified),
        (false, true, true, .unverified),
        (true, false, false, .emailVerified),
        (true, true, false, .phoneVerified),
        (true, false, true, .idVerified),  // an approved document outranks a phone
        (true, true, true, .fullyVerified),
    ]

    @Test("the level follows from e-mail, phone and identity", arguments: combinations)
    func level(email: Bool, phone: Bool, identity: Bool, expected: VerificationLevel) {
        let facts = VerificationLevelPolicy.Facts(
            emailVerified: email, phoneVerified: phone, identityApproved: identity)
        #expect(VerificationLevelPolicy.level(for: facts) == expected)
    }

    @Test("the table above covers every combination exactly once")
    func everyCombination() {
        let seen = Set(Self.combinations.map { [$0.0, $0.1, $0.2] })
        #expect(seen.count == 8)
    }

    @Test("adding a fact never lowers the level")
    func monotonic() {
        for (email, phone, identity, level) in Self.combinations {
            for (moreEmail, morePhone, moreIdentity, higher) in Self.combinations
            where (moreEmail || !email) && (morePhone || !phone) && (moreIdentity || !identity) {
                #expect(higher >= level, "\([email, phone, identity]) → \([moreEmail, morePhone, moreIdentity])")
            }
        }
    }
}
