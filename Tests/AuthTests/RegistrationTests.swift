import Foundation
import TestSupport
import Testing

@Suite("Registration and e-mail verification")
struct RegistrationTests {
    @Test("register → verify-email activates the account and signs in")
    func registerAndVerify() async throws {
        try await withTestApp { t in
            // act
            let registered = try await t.request(
                .POST, "/api/v1/auth/register", json: t.registrationBody(email: "Ann@Example.com"))
            // assert
            #expect(registered.status == .created)
            #expect(registered.string("data.user.email") == "ann@example.com")
            #expect(registered.string("data.user.status") == "pending_verification")
            #expect(registered["data.verificationRequired"] as? Bool == true)
            #expect(registered.string("data.user.termsAcceptedAt") != nil)
            #expect(registered.string("data.user.privacyAcceptedAt") != nil)
            #expect((registered.string("data.user.referralCode") ?? "").count == 8)

            try await t.runJobs()
            let code = try #require(t.mailbox.latestCode(to: "ann@example.com", subject: "verification"))
            let verified = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "ann@example.com", "verificationCode": code])
            #expect(verified.status == .ok)
            #expect(verified.string("data.user.status") == "active")
            #expect(verified.string("data.user.verificationLevel") == "email_verified")
            #expect(verified["data.expiresIn"] as? Int == 900)
            let token = try #require(verified.string("data.accessToken"))
            let me = try await t.request(.GET, "/api/v1/auth/validate", token: token)
            #expect(me.status == .ok)
            #expect(me.string("data.userId") == verified.string("data.user.id"))
        }
    }

    @Test("weak passwords get one 422 entry per broken rule")
    func weakPassword() async throws {
        try await withTestApp { t in
            var body = t.registrationBody(email: "weak@example.com", password: "abc")
            body["confirmPassword"] = "abc"
            let response = try await t.request(.POST, "/api/v1/auth/register", json: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.code == "VALIDATION_ERROR")
            #expect(response.errors.contains("password must be at least 8 characters"))
            #expect(response.errors.contains("password must contain an upper-case letter"))
            #expect(response.errors.contains("password must contain a digit"))
            #expect(response.errors.contains("password must contain a symbol"))
            #expect(response.json["requestId"] as? String != nil)
            #expect(response.json["timestamp"] as? String != nil)
        }
    }

    @Test("a password that contains the e-mail is refused")
    func passwordContainsEmail() async throws {
        try await withTestApp { t in
            let body = t.registrationBody(email: "maxwell@example.com", password: "Maxwell@example1")
            let response = try await t.request(.POST, "/api/v1/auth/register", json: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errors.contains("password must not contain your e-mail address"))
        }
    }

    @Test("terms, privacy, user type, names and e-mail are validated together")
    func validation() async throws {
        try await withTestApp { t in
            var body = t.registrationBody(email: "not-an-email")
            body["acceptedTerms"] = false
            body["acceptedPrivacy"] = false
            body["userType"] = "admin"
            body["firstName"] = ""
            body["confirmPassword"] = "Other!Passw0rd"
            body["dateOfBirth"] = "2020-02-30"
            body["preferredCurrency"] = "DOGE"
            let response = try await t.request(.POST, "/api/v1/auth/register", json: body)
            #expect(response.status == .unprocessableEntity)
            #expect(
                Set(response.errors).isSuperset(of: [
                    "email must be a valid e-mail address", "acceptedTerms must be true",
                    "acceptedPrivacy must be true",
                    "userType must be one of customer, traveler, both", "firstName must be 1 to 100 characters",
                    "confirmPassword must match password", "dateOfBirth must be a date in YYYY-MM-DD format",
                    "preferredCurrency must be an ISO-4217 code such as EUR",
                ]))
        }
    }

    @Test("a missing field or malformed JSON is a 400")
    func malformed() async throws {
        try await withTestApp { t in
            let missing = try await t.request(.POST, "/api/v1/auth/register", json: ["email": "x@example.com"])
            #expect(missing.status == .badRequest)
            #expect(missing.code == "INVALID_REQUEST_BODY")
            #expect(missing.errors.first?.contains("is required") == true)
            let broken = try await t.request(
                .POST, "/api/v1/auth/register", body: Data("{nope".utf8), contentType: "application/json")
            #expect(broken.status == .badRequest)
        }
    }

    @Test("a duplicate e-mail is a 409, whatever its case")
    func duplicate() async throws {
        try await withTestApp { t in
            try await t.request(.POST, "/api/v1/auth/register", json: t.registrationBody(email: "dup@example.com"))
            let again = try await t.request(
                .POST, "/api/v1/auth/register", json: t.registrationBody(email: "DUP@example.com"))
            #expect(again.status == .conflict)
            #expect(again.code == "EMAIL_ALREADY_REGISTERED")
        }
    }

    @Test("referral by code links the referrer; an unknown code is a 422")
    func referral() async throws {
        try await withTestApp { t in
            let referrer = try await t.signUp("ref@example.com")
            let status = try await t.request(
                .POST, "/api/v1/auth/register",
                json: t.registrationBody(email: "friend@example.com").merging(["referralCode": "NOPE1234"]) { $1 })
            #expect(status.status == .unprocessableEntity)
            #expect(status.errors == ["referralCode does not match any account"])
            let me = try await t.request(.GET, "/api/v1/auth/account/export", token: referrer.accessToken)
            let code = try #require(me.string("data.data.account.profile.referralCode"))
            let joined = try await t.request(
                .POST, "/api/v1/auth/register",
                json: t.registrationBody(email: "friend@example.com").merging(["referralCode": code.lowercased()]) {
                    $1
                })
            #expect(joined.status == .created)
        }
    }

    @Test("wrong codes count down to a lockout; the right code then no longer works")
    func codeAttempts() async throws {
        try await withTestApp { t in
            try await t.request(.POST, "/api/v1/auth/register", json: t.registrationBody(email: "guess@example.com"))
            try await t.runJobs()
            let code = try #require(t.mailbox.latestCode(to: "guess@example.com"))
            let wrong = code == "000000" ? "111111" : "000000"
            for remaining in (1...4).reversed() {
                let response = try await t.request(
                    .POST, "/api/v1/auth/verify-email", json: ["email": "guess@example.com", "verificationCode": wrong])
                #expect(response.status == .badRequest)
                #expect(response.code == "INVALID_CODE")
                #expect(response.errors == ["\(remaining) attempt(s) left"])
            }
            let fifth = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "guess@example.com", "verificationCode": wrong])
            #expect(fifth.status == .tooManyRequests)
            let right = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "guess@example.com", "verificationCode": code])
            #expect(right.code == "TOO_MANY_ATTEMPTS")
        }
    }

    @Test("codes expire after 15 minutes")
    func codeExpiry() async throws {
        try await withTestApp { t in
            try await t.request(.POST, "/api/v1/auth/register", json: t.registrationBody(email: "late@example.com"))
            try await t.runJobs()
            let code = try #require(t.mailbox.latestCode(to: "late@example.com"))
            t.clock.advance(by: 15 * 60 + 1)
            let response = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "late@example.com", "verificationCode": code])
            #expect(response.status == .badRequest)
            #expect(response.code == "CODE_EXPIRED")
        }
    }

    @Test("resend has a cool-down, replaces the old code, and answers the same for unknown e-mails")
    func resend() async throws {
        try await withTestApp { t in
            try await t.request(.POST, "/api/v1/auth/register", json: t.registrationBody(email: "again@example.com"))
            try await t.runJobs()
            let first = try #require(t.mailbox.latestCode(to: "again@example.com"))
            let tooSoon = try await t.request(
                .POST, "/api/v1/auth/resend-verification", json: ["email": "again@example.com"])
            #expect(tooSoon.status == .tooManyRequests)
            #expect(tooSoon.code == "RESEND_TOO_SOON")
            #expect(tooSoon.headers.first(name: "Retry-After") != nil)
            t.clock.advance(by: 61)
            let resent = try await t.request(
                .POST, "/api/v1/auth/resend-verification", json: ["email": "again@example.com"])
            #expect(resent.status == .ok)
            let unknown = try await t.request(
                .POST, "/api/v1/auth/resend-verification", json: ["email": "ghost@example.com"])
            #expect(unknown.status == .ok)
            #expect(unknown.json["message"] as? String == resent.json["message"] as? String)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: "again@example.com").count == 2)
            let second = try #require(t.mailbox.latestCode(to: "again@example.com"))
            if first != second {
                let old = try await t.request(
                    .POST, "/api/v1/auth/verify-email", json: ["email": "again@example.com", "verificationCode": first])
                #expect(old.code == "INVALID_CODE")
            }
            let ok = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "again@example.com", "verificationCode": second])
            #expect(ok.status == .ok)
            let done = try await t.request(
                .POST, "/api/v1/auth/resend-verification", json: ["email": "again@example.com"])
            #expect(done.code == "ALREADY_VERIFIED")
        }
    }
}
