import Foundation
import TestSupport
import Testing

@Suite("Access and refresh tokens")
struct TokenTests {
    @Test("refresh rotates the refresh token; reusing the old one revokes the session")
    func refreshReuseDetection() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("rotate@example.com")
            let first = try await t.request(.POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken])
            #expect(first.status == .ok)
            let rotated = try #require(first.string("data.refreshToken"))
            let access = try #require(first.string("data.accessToken"))
            #expect(rotated != account.refreshToken)
            #expect(first["data.expiresIn"] as? Int == 900)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: access).status == .ok)

            // The old token comes back: someone copied it. The whole session ends.
            let replay = try await t.request(
                .POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken])
            #expect(replay.status == .unauthorized)
            #expect(replay.code == "REFRESH_TOKEN_REUSED")
            let afterReplay = try await t.request(.POST, "/api/v1/auth/refresh", json: ["refreshToken": rotated])
            #expect(afterReplay.status == .unauthorized)
            #expect(afterReplay.code == "SESSION_REVOKED")
            let accessAfter = try await t.request(.GET, "/api/v1/auth/validate", token: access)
            #expect(accessAfter.status == .unauthorized)
        }
    }

    @Test("an unknown refresh token is a 401; an expired session cannot refresh")
    func invalidRefresh() async throws {
        try await withTestApp { t in
            let unknown = try await t.request(.POST, "/api/v1/auth/refresh", json: ["refreshToken": "nope"])
            #expect(unknown.status == .unauthorized)
            #expect(unknown.code == "INVALID_TOKEN")
            let account = try await t.signUp("old@example.com")
            t.clock.advance(by: 30 * 24 * 3600 + 1)
            let expired = try await t.request(
                .POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken])
            #expect(expired.code == "TOKEN_EXPIRED")
        }
    }

    @Test("access tokens expire after 15 minutes")
    func accessExpiry() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("short@example.com")
            t.clock.advance(by: 14 * 60)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .ok)
            t.clock.advance(by: 61)
            let expired = try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken)
            #expect(expired.status == .unauthorized)
            #expect(expired.code == "TOKEN_EXPIRED")
        }
    }

    @Test("a forged or garbled token is refused")
    func forged() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("forge@example.com")
            let parts = account.accessToken.split(separator: ".")
            let tampered = "\(parts[0]).\(parts[1])x.\(parts[2])"
            for token in ["garbage", tampered, "a.b.c"] {
                let response = try await t.request(.GET, "/api/v1/auth/validate", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.code == "INVALID_TOKEN")
            }
            let none = try await t.request(.GET, "/api/v1/auth/validate")
            #expect(none.status == .unauthorized)
            #expect(none.code == "UNAUTHORIZED")
        }
    }

    @Test("logout denies the access token at once; logout of all devices ends every session")
    func logout() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("bye@example.com")
            let other = try await t.logIn(account)
            let out = try await t.request(.POST, "/api/v1/auth/logout", json: [:], token: account.accessToken)
            #expect(out.status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .unauthorized)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: other.accessToken).status == .ok)

            let third = try await t.logIn(account)
            let all = try await t.request(
                .POST, "/api/v1/auth/logout", json: ["allDevices": true], token: third.accessToken)
            #expect(all.status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: other.accessToken).status == .unauthorized)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: third.accessToken).status == .unauthorized)
            #expect(
                try await t.request(.POST, "/api/v1/auth/refresh", json: ["refreshToken": other.refreshToken]).status
                    == .unauthorized)
        }
    }

    @Test("a logout body that cannot be read is a 400 and signs nobody out, rather than a logout of one device")
    func unreadableLogoutBody() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("garbled@example.com")
            let other = try await t.logIn(account)
            let garbled = try await t.request(
                .POST, "/api/v1/auth/logout", body: Data(#"{"allDevices": true,}"#.utf8),
                contentType: "application/json", token: account.accessToken)
            #expect(garbled.status == .badRequest)
            #expect(garbled.code == "INVALID_REQUEST_BODY")
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .ok)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: other.accessToken).status == .ok)
            let bodiless = try await t.request(.POST, "/api/v1/auth/logout", token: account.accessToken)
            #expect(bodiless.status == .ok, "no body is still a logout of this device")
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: other.accessToken).status == .ok)
        }
    }

    @Test("validate reports roles and verification level from the token")
    func validate() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("roles@example.com", userType: "both")
            let response = try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken)
            #expect(response["data.roles"] as? [String] == ["customer", "traveler"])
            #expect(response.string("data.verificationLevel") == "email_verified")
            #expect(response.string("data.sessionId") == account.sessionId)
        }
    }
}

@Suite("Bad tokens on public routes")
struct StaleTokenTests {
    @Test("a present but bad or expired token is a 401 on public routes too; no token is anonymous")
    func badTokenOnPublicRoutes() async throws {
        try await withTestApp { t in
            // setup
            let account = try await t.signUp("stale@example.com")
            t.clock.advance(by: 16 * 60)
            // act
            let refreshWithStale = try await t.request(
                .POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken], token: account.accessToken)
            let loginWithGarbage = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password],
                token: "garbage")
            let guarded = try await t.request(.GET, "/api/v1/auth/sessions", token: account.accessToken)
            // assert
            #expect(refreshWithStale.status == .unauthorized)
            #expect(refreshWithStale.code == "TOKEN_EXPIRED")
            #expect(loginWithGarbage.status == .unauthorized)
            #expect(loginWithGarbage.code == "INVALID_TOKEN")
            #expect(guarded.code == "TOKEN_EXPIRED")
            let refreshed = try await t.request(
                .POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken])
            #expect(refreshed.status == .ok)
            let login = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(login.status == .ok)
            let health = try await t.request(.GET, "/health/live", token: "garbage")
            #expect(health.status == .unauthorized)
        }
    }
}
