import Foundation
import TestSupport
import Testing

@testable import Auth

@Suite("Two-factor authentication")
struct TwoFactorTests {
    /// Sets up and enables 2FA; returns the TOTP generator and backup codes.
    private func enable(_ t: TestApp, _ account: TestAccount) async throws -> (TOTP, [String]) {
        let setup = try await t.request(.POST, "/api/v1/auth/2fa/setup", token: account.accessToken)
        #expect(setup.status == .ok)
        let secret = try #require(setup.string("data.secret"))
        let uri = try #require(setup.string("data.otpauthUrl"))
        #expect(uri.hasPrefix("otpauth://totp/"))
        #expect(uri.contains("secret=\(secret)"))
        #expect(setup.string("data.qrCode")?.hasPrefix("data:image/png;base64,") == true)
        let codes = try #require(setup["data.backupCodes"] as? [String])
        #expect(codes.count == 10)
        let totp = TOTP(secret: try #require(Base32.decode(secret)))
        let enabled = try await t.request(
            .POST, "/api/v1/auth/2fa/enable", json: ["code": totp.code(at: t.clock.now())], token: account.accessToken)
        #expect(enabled.status == .ok)
        #expect(enabled["data.enabled"] as? Bool == true)
        return (totp, codes)
    }

    @Test("RFC 6238 reference vector (SHA-1)")
    func referenceVector() {
        // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits) → 287082.
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI") == Array("foobar".utf8))
    }

    @Test("login in two steps: password, then TOTP code with the temp token")
    func twoStepLogin() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("totp@example.com")
            let (totp, _) = try await enable(t, account)
            t.clock.advance(by: 30)
            let first = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(first.status == .ok)
            #expect(first["data.requiresTwoFactor"] as? Bool == true)
            #expect(first["data.accessToken"] == nil)
            let temp = try #require(first.string("data.tempToken"))

            let wrong = try await t.request(
                .POST, "/api/v1/auth/verify-2fa", json: ["tempToken": temp, "code": "000000"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.code == "INVALID_CODE")

            let code = totp.code(at: t.clock.now())
            let second = try await t.request(.POST, "/api/v1/auth/verify-2fa", json: ["tempToken": temp, "code": code])
            #expect(second.status == .ok)
            let token = try #require(second.string("data.accessToken"))
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: token).status == .ok)

            // The same code cannot be replayed.
            let replay = try await t.request(.POST, "/api/v1/auth/verify-2fa", json: ["tempToken": temp, "code": code])
            #expect(replay.code == "INVALID_CODE")

            // The temp token is no access token.
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: temp).status == .unauthorized)
            t.clock.advance(by: 5 * 60 + 1)
            let late = try await t.request(
                .POST, "/api/v1/auth/verify-2fa", json: ["tempToken": temp, "code": totp.code(at: t.clock.now())])
            #expect(late.code == "TOKEN_EXPIRED")
        }
    }

    @Test("one-step 2FA login, backup codes work once, attempts are capped")
    func oneStepAndBackupCodes() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("backup@example.com")
            let (totp, codes) = try await enable(t, account)
            t.clock.advance(by: 30)
            let ok = try await t.request(
                .POST, "/api/v1/auth/2fa/login",
                json: ["email": account.email, "password": account.password, "code": totp.code(at: t.clock.now())])
            #expect(ok.status == .ok)
            let backup = try await t.request(
                .POST, "/api/v1/auth/2fa/login",
                json: ["email": account.email, "password": account.password, "code": codes[0]])
            #expect(backup.status == .ok)
            let reused = try await t.request(
                .POST, "/api/v1/auth/2fa/login",
                json: ["email": account.email, "password": account.password, "code": codes[0]])
            #expect(reused.code == "INVALID_CODE")
            let status = try await t.request(.GET, "/api/v1/auth/2fa/status", token: account.accessToken)
            #expect(status["data.backupCodesRemaining"] as? Int == 9)
            for _ in 0..<3 {
                _ = try await t.request(
                    .POST, "/api/v1/auth/2fa/login",
                    json: ["email": account.email, "password": account.password, "code": "123456"])
            }
            let capped = try await t.request(
                .POST, "/api/v1/auth/2fa/login",
                json: ["email": account.email, "password": account.password, "code": codes[1]])
            #expect(capped.status == .tooManyRequests)
        }
    }

    @Test("status, verify, regenerate codes, disable; wrong inputs refused")
    func lifecycle() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("life@example.com")
            let off = try await t.request(.GET, "/api/v1/auth/2fa/status", token: account.accessToken)
            #expect(off["data.enabled"] as? Bool == false)
            let enableFirst = try await t.request(
                .POST, "/api/v1/auth/2fa/enable", json: ["code": "123456"], token: account.accessToken)
            #expect(enableFirst.code == "TWO_FACTOR_NOT_SET_UP")
            let (totp, oldCodes) = try await enable(t, account)
            let again = try await t.request(.POST, "/api/v1/auth/2fa/setup", token: account.accessToken)
            #expect(again.code == "TWO_FACTOR_ALREADY_ENABLED")

            t.clock.advance(by: 30)
            let verified = try await t.request(
                .POST, "/api/v1/auth/2fa/verify", json: ["code": totp.code(at: t.clock.now())],
                token: account.accessToken)
            #expect(verified.status == .ok)

            t.clock.advance(by: 30)
            let regenerated = try await t.request(
                .POST, "/api/v1/auth/2fa/regenerate-backup-codes", json: ["code": totp.code(at: t.clock.now())],
                token: account.accessToken)
            let fresh = try #require(regenerated["data.backupCodes"] as? [String])
            #expect(fresh.count == 10 && Set(fresh).isDisjoint(with: oldCodes))

            let recovery = try await t.request(
                .POST, "/api/v1/auth/2fa/recovery-codes", json: ["password": account.password],
                token: account.accessToken)
            #expect(recovery["data.backupCodesRemaining"] as? Int == 10)
            #expect(!recovery.text.contains(fresh[0]))

            t.clock.advance(by: 30)
            let badPassword = try await t.request(
                .POST, "/api/v1/auth/2fa/disable",
                json: ["password": "Nope!Passw0rd", "code": totp.code(at: t.clock.now())], token: account.accessToken)
            #expect(badPassword.status == .unauthorized)
            let badCode = try await t.request(
                .POST, "/api/v1/auth/2fa/disable", json: ["password": account.password, "code": "000000"],
                token: account.accessToken)
            #expect(badCode.code == "INVALID_CODE")
            let disabled = try await t.request(
                .POST, "/api/v1/auth/2fa/disable",
                json: ["password": account.password, "code": totp.code(at: t.clock.now())], token: account.accessToken)
            #expect(disabled.status == .ok)
            #expect(disabled["data.enabled"] as? Bool == false)
            let plain = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(plain.string("data.accessToken") != nil)
            let notEnabled = try await t.request(
                .POST, "/api/v1/auth/2fa/verify", json: ["code": "123456"], token: account.accessToken)
            #expect(notEnabled.code == "TWO_FACTOR_NOT_ENABLED")
        }
    }
}
