import Foundation
import TestSupport
import Testing

@Suite("Users: phone verification")
struct PhoneVerificationTests {
    @Test("an SMS code verifies the number, stores it on the profile and raises the level")
    func verify() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            // act
            let start = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+351912345678"], token: ann.accessToken)
            let code = try #require(try await t.latestSMSCode())
            let confirm = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": code], token: ann.accessToken)
            // assert
            #expect(start.status == .ok)
            #expect(start["data.expiresIn"] as? Int == 600)
            #expect(!start.text.contains(code))
            #expect(confirm.status == .ok, "\(confirm.text)")
            #expect(confirm.string("data.verificationLevel") == "phone_verified")
            #expect(confirm["data.phoneVerified"] as? Bool == true)
            let me = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(me.string("data.phoneNumber") == "+351912345678")
            #expect(me["data.phoneVerified"] as? Bool == true)
            let again = try await t.request(.POST, "/api/v1/users/me/verify-phone", token: ann.accessToken)
            #expect(again.status == .conflict)
            #expect(again.code == "PHONE_ALREADY_VERIFIED")
        }
    }

    @Test("the profile's number is used when none is sent; without one it is a 422")
    func profileNumber() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let none = try await t.request(.POST, "/api/v1/users/me/verify-phone", token: ann.accessToken)
            #expect(none.status == .unprocessableEntity)
            #expect(none.errors == ["phoneNumber is required: the profile has no phone number"])
            let invalid = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "0612"], token: ann.accessToken)
            #expect(invalid.errors == ["phoneNumber must be in E.164 format, e.g. +33612345678"])
            try await t.request(.PUT, "/api/v1/users/me", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            let start = try await t.request(.POST, "/api/v1/users/me/verify-phone", token: ann.accessToken)
            #expect(start.status == .ok)
            #expect(start.string("data.phoneNumber") == "+33612345678")
            let anonymous = try await t.request(.POST, "/api/v1/users/me/verify-phone")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("wrong codes count down to a lockout; the right code then no longer works")
    func attempts() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            let code = try #require(try await t.latestSMSCode())
            let wrong = code == "000000" ? "111111" : "000000"
            for remaining in (1...4).reversed() {
                let response = try await t.request(
                    .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": wrong], token: ann.accessToken)
                #expect(response.status == .badRequest)
                #expect(response.code == "INVALID_CODE")
                #expect(response.errors == ["\(remaining) attempt(s) left"])
            }
            let fifth = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": wrong], token: ann.accessToken)
            #expect(fifth.status == .tooManyRequests)
            let right = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": code], token: ann.accessToken)
            #expect(right.code == "TOO_MANY_ATTEMPTS")
            let malformed = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": "12ab"], token: ann.accessToken)
            #expect(malformed.status == .unprocessableEntity)
            let missing = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: [:], token: ann.accessToken)
            #expect(missing.status == .badRequest)
        }
    }

    @Test("codes expire after 10 minutes; a new code needs a minute's wait")
    func expiryAndCooldown() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let noPending = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": "123456"], token: ann.accessToken)
            #expect(noPending.status == .notFound)
            #expect(noPending.code == "PHONE_VERIFICATION_NOT_FOUND")
            try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            let code = try #require(try await t.latestSMSCode())
            let tooSoon = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            #expect(tooSoon.status == .tooManyRequests)
            #expect(tooSoon.code == "CODE_REQUESTED_TOO_SOON")
            #expect(tooSoon.headers.first(name: "Retry-After") == "60")
            t.clock.advance(by: 10 * 60 + 1)
            let expired = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": code], token: ann.accessToken)
            #expect(expired.status == .badRequest)
            #expect(expired.code == "CODE_EXPIRED")
            let smsBefore = t.smsCount
            let fresh = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            #expect(fresh.status == .ok)
            let newCode = try #require(try await t.latestSMSCode())
            #expect(t.smsCount == smsBefore + 1)
            let confirmed = try await t.request(
                .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": newCode], token: ann.accessToken)
            #expect(confirmed.status == .ok)
        }
    }

    @Test("more than five codes an hour is rate limited")
    func hourlyLimit() async throws {
        try await withTestApp { t in
            // Start at the beginning of an hour window so the six requests share it.
            let now = t.clock.now().timeIntervalSince1970
            t.clock.set(Date(timeIntervalSince1970: (now / 3600).rounded(.up) * 3600))
            let ann = try await t.signUp("ann@example.com")
            for _ in 0..<5 {
                let ok = try await t.request(
                    .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"],
                    token: ann.accessToken)
                #expect(ok.status == .ok)
                t.clock.advance(by: 61)
            }
            let limited = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.code == "RATE_LIMITED")
            #expect(limited.headers.first(name: "Retry-After") != nil)
        }
    }

    @Test("a number verified by another account cannot be claimed")
    func numberInUse() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            try await t.verifyPhone(ann, number: "+33612345678")
            let claim = try await t.request(
                .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": "+33612345678"], token: bob.accessToken)
            #expect(claim.status == .conflict)
            #expect(claim.code == "PHONE_IN_USE")
        }
    }

    @Test("changing the phone number in the profile drops the phone fact and the level")
    func changingNumberDropsFact() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            try await t.verifyPhone(ann, number: "+33612345678")
            let changed = try await t.request(
                .PUT, "/api/v1/users/me", json: ["phoneNumber": "+33698765432"], token: ann.accessToken)
            #expect(changed.status == .ok)
            #expect(changed.string("data.verificationLevel") == "email_verified")
            #expect(changed["data.phoneVerified"] as? Bool == false)
            let status = try await t.request(.GET, "/api/v1/users/me/verification/status", token: ann.accessToken)
            #expect(status.string("data.nextStep") == "verify_phone")
            let back = try await t.request(
                .PUT, "/api/v1/users/me", json: ["phoneNumber": "+33612345678"], token: ann.accessToken)
            #expect(back.string("data.verificationLevel") == "phone_verified")
            let activity = try await t.request(.GET, "/api/v1/users/me/activity?limit=100", token: ann.accessToken)
            let actions = activity.list.compactMap { $0["action"] as? String }
            #expect(actions.contains("phone_verified"))
            #expect(actions.filter { $0 == "verification_level_changed" }.count == 3)
        }
    }
}
