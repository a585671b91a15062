import Foundation
import TestSupport
import Testing

@Suite("Account lifecycle")
struct AccountTests {
    @Test("status and settings, with validation")
    func statusAndSettings() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("settings@example.com")
            let status = try await t.request(.GET, "/api/v1/auth/account/status", token: account.accessToken)
            #expect(status.string("data.status") == "active")
            #expect(status["data.emailVerified"] as? Bool == true)
            #expect(status["data.twoFactorEnabled"] as? Bool == false)

            let bad = try await t.request(
                .PATCH, "/api/v1/auth/account/settings",
                json: ["timezone": "Mars/Olympus", "preferredCurrency": "euro"], token: account.accessToken)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errors.count == 2)
            let ok = try await t.request(
                .PATCH, "/api/v1/auth/account/settings",
                json: [
                    "timezone": "Europe/Paris", "preferredCurrency": "USD", "preferredLanguage": "fr",
                    "loginAlerts": false,
                ], token: account.accessToken)
            #expect(ok.status == .ok)
            #expect(ok.string("data.timezone") == "Europe/Paris")
            #expect(ok["data.loginAlerts"] as? Bool == false)
        }
    }

    @Test("deactivate needs the password, ends sessions; reactivate signs in again")
    func deactivateReactivate() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("pause@example.com")
            let wrong = try await t.request(
                .POST, "/api/v1/auth/account/deactivate", json: ["password": "Bad!Passw0rd1"],
                token: account.accessToken)
            #expect(wrong.status == .unauthorized)
            let off = try await t.request(
                .POST, "/api/v1/auth/account/deactivate", json: ["password": account.password, "reason": "holiday"],
                token: account.accessToken)
            #expect(off.status == .ok)
            let badReactivate = try await t.request(
                .POST, "/api/v1/auth/account/reactivate", json: ["email": account.email, "password": "Bad!Passw0rd1"])
            #expect(badReactivate.status == .unauthorized)
            let on = try await t.request(
                .POST, "/api/v1/auth/account/reactivate", json: ["email": account.email, "password": account.password])
            #expect(on.status == .ok)
            #expect(on.string("data.user.status") == "active")
            let twice = try await t.request(
                .POST, "/api/v1/auth/account/reactivate", json: ["email": account.email, "password": account.password])
            #expect(twice.status == .conflict)
            #expect(twice.code == "INVALID_STATE_TRANSITION")
        }
    }

    @Test("export holds the account, sessions and activity, and no secrets")
    func export() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("export@example.com")
            let export = try await t.request(.GET, "/api/v1/auth/account/export", token: account.accessToken)
            #expect(export.status == .ok)
            #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(export.string("data.data.account.profile.email") == account.email)
            #expect(((export["data.data.account.sessions"] as? [Any])?.count ?? 0) >= 1)
            for secret in [
                "passwordHash", "password_hash", "refreshTokenHash", "refresh_token_hash", "secret_key", "tokenHash",
                account.refreshToken, "$2b$",
            ] {
                #expect(!export.text.contains(secret), "export leaks \(secret)")
            }
            let log = try await t.request(.GET, "/api/v1/auth/account/security-log?limit=5", token: account.accessToken)
            #expect(log.status == .ok)
            #expect(log["pagination.limit"] as? Int == 5)
            #expect(log.list.first?["action"] as? String == "login")
            let badPage = try await t.request(
                .GET, "/api/v1/auth/account/security-log?limit=500", token: account.accessToken)
            #expect(badPage.status == .unprocessableEntity)
        }
    }

    @Test("delete scrubs personal data, ends sessions and frees the e-mail")
    func delete() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("gone@example.com")
            let wrong = try await t.request(
                .DELETE, "/api/v1/auth/account", json: ["password": "Bad!Passw0rd1"], token: account.accessToken)
            #expect(wrong.status == .unauthorized)
            let deleted = try await t.request(
                .DELETE, "/api/v1/auth/account", json: ["password": account.password, "reason": "done"],
                token: account.accessToken)
            #expect(deleted.status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .unauthorized)
            let login = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(login.status == .unauthorized)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: account.email).last?.subject == "Your P2P Delivery account was deleted")
            let again = try await t.request(
                .POST, "/api/v1/auth/register", json: t.registrationBody(email: account.email))
            #expect(again.status == .created)
        }
    }
}
