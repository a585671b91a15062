import Foundation
import TestSupport
import Testing

@Suite("Password reset and change")
struct PasswordTests {
    @Test("forgot → reset with the mailed code; the code is single-use; every session ends")
    func reset() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("forgot@example.com")
            let known = try await t.request(.POST, "/api/v1/auth/forgot-password", json: ["email": account.email])
            let unknown = try await t.request(
                .POST, "/api/v1/auth/forgot-password", json: ["email": "nobody@example.com"])
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(known.json["message"] as? String == unknown.json["message"] as? String)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: "nobody@example.com").isEmpty)
            let code = try #require(t.mailbox.latestCode(to: account.email, subject: "Reset"))

            let weak = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: ["email": account.email, "resetCode": code, "newPassword": "weak", "confirmPassword": "weak"])
            #expect(weak.status == .unprocessableEntity)
            let mismatch = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: [
                    "email": account.email, "resetCode": code, "newPassword": "New!Passw0rd1",
                    "confirmPassword": "Other!Passw0rd1",
                ])
            #expect(mismatch.status == .unprocessableEntity)

            let done = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: [
                    "email": account.email, "resetCode": code, "newPassword": "New!Passw0rd1",
                    "confirmPassword": "New!Passw0rd1",
                ])
            #expect(done.status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .unauthorized)
            let again = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: [
                    "email": account.email, "resetCode": code, "newPassword": "Newer!Passw0rd1",
                    "confirmPassword": "Newer!Passw0rd1",
                ])
            #expect(again.code == "INVALID_CODE")

            let old = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(old.status == .unauthorized)
            let new = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": "New!Passw0rd1"])
            #expect(new.status == .ok)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: account.email).last?.subject == "Your P2P Delivery password was changed")
        }
    }

    @Test("an expired or wrong reset code is refused")
    func badCodes() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("late-reset@example.com")
            try await t.request(.POST, "/api/v1/auth/forgot-password", json: ["email": account.email])
            try await t.runJobs()
            let code = try #require(t.mailbox.latestCode(to: account.email, subject: "Reset"))
            let wrong = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: [
                    "email": account.email, "resetCode": code == "000000" ? "111111" : "000000",
                    "newPassword": "New!Passw0rd1", "confirmPassword": "New!Passw0rd1",
                ])
            #expect(wrong.code == "INVALID_CODE")
            t.clock.advance(by: 16 * 60)
            let late = try await t.request(
                .POST, "/api/v1/auth/reset-password",
                json: [
                    "email": account.email, "resetCode": code, "newPassword": "New!Passw0rd1",
                    "confirmPassword": "New!Passw0rd1",
                ])
            #expect(late.code == "CODE_EXPIRED")
        }
    }

    @Test("change password keeps this session, ends the others, and e-mails a confirmation")
    func change() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("change@example.com")
            let other = try await t.logIn(account)
            let wrong = try await t.request(
                .POST, "/api/v1/auth/change-password",
                json: [
                    "currentPassword": "Nope!Passw0rd1", "newPassword": "New!Passw0rd1",
                    "confirmPassword": "New!Passw0rd1",
                ], token: account.accessToken)
            #expect(wrong.status == .unauthorized)
            let same = try await t.request(
                .POST, "/api/v1/auth/change-password",
                json: [
                    "currentPassword": account.password, "newPassword": account.password,
                    "confirmPassword": account.password,
                ], token: account.accessToken)
            #expect(same.errors.contains("newPassword must differ from the current password"))
            let ok = try await t.request(
                .POST, "/api/v1/auth/change-password",
                json: [
                    "currentPassword": account.password, "newPassword": "New!Passw0rd1",
                    "confirmPassword": "New!Passw0rd1",
                ], token: account.accessToken)
            #expect(ok.status == .ok)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: other.accessToken).status == .unauthorized)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: account.email).last?.subject == "Your P2P Delivery password was changed")
            let unauthenticated = try await t.request(
                .POST, "/api/v1/auth/change-password",
                json: ["currentPassword": "a", "newPassword": "b", "confirmPassword": "b"])
            #expect(unauthenticated.status == .unauthorized)
        }
    }
}
