import Foundation
import TestSupport
import Testing

@Suite("Sessions")
struct SessionTests {
    @Test("list, current, update, extend, stats")
    func manage() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("sessions@example.com")
            let phone = try await t.logIn(
                account, device: ["deviceId": "iphone", "platform": "ios", "deviceType": "mobile"])
            let list = try await t.request(.GET, "/api/v1/auth/sessions", token: phone.accessToken)
            #expect(list.status == .ok)
            #expect(list.list.count == 2)
            #expect(list.list.filter { $0["isCurrent"] as? Bool == true }.count == 1)
            #expect(!list.text.contains("refreshTokenHash"))
            #expect(!list.text.contains("device_fingerprint"))

            let current = try await t.request(.GET, "/api/v1/auth/sessions/current", token: phone.accessToken)
            #expect(current.string("data.id") == phone.sessionId)
            #expect(current.string("data.platform") == "ios")

            let renamed = try await t.request(
                .PATCH, "/api/v1/auth/sessions/current", json: ["deviceName": "Ann's phone"], token: phone.accessToken)
            #expect(renamed.string("data.deviceName") == "Ann's phone")
            let tooLong = try await t.request(
                .PATCH, "/api/v1/auth/sessions/current", json: ["deviceName": String(repeating: "x", count: 101)],
                token: phone.accessToken)
            #expect(tooLong.status == .unprocessableEntity)

            t.clock.advance(by: 60)
            let extended = try await t.request(.POST, "/api/v1/auth/sessions/current/extend", token: phone.accessToken)
            #expect(extended.status == .ok)
            #expect(extended.string("data.expiresAt") != current.string("data.expiresAt"))

            let stats = try await t.request(.GET, "/api/v1/auth/sessions/stats", token: phone.accessToken)
            #expect(stats["data.activeSessions"] as? Int == 2)
            #expect((stats["data.byPlatform"] as? [String: Int])?["ios"] == 1)
        }
    }

    @Test("revoke one session, then all others; another user's session is not found")
    func revoke() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("revoker@example.com")
            let second = try await t.logIn(account)
            let third = try await t.logIn(account)
            let stranger = try await t.signUp("stranger@example.com")

            let foreign = try await t.request(
                .DELETE, "/api/v1/auth/sessions/\(account.sessionId)", token: stranger.accessToken)
            #expect(foreign.status == .notFound)
            let missing = try await t.request(
                .DELETE, "/api/v1/auth/sessions/\(UUID().uuidString)", token: account.accessToken)
            #expect(missing.status == .notFound)

            let one = try await t.request(
                .DELETE, "/api/v1/auth/sessions/\(second.sessionId)", token: account.accessToken)
            #expect(one.status == .ok)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: second.accessToken).status == .unauthorized)

            let rest = try await t.request(.DELETE, "/api/v1/auth/sessions", token: account.accessToken)
            #expect(rest["data.revoked"] as? Int == 1)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: third.accessToken).status == .unauthorized)
            #expect(try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .ok)

            let everything = try await t.request(
                .DELETE, "/api/v1/auth/sessions?includeCurrent=true", token: account.accessToken)
            #expect(everything["data.revoked"] as? Int == 1)
            #expect(
                try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken).status == .unauthorized)
        }
    }

    @Test("session routes need a token")
    func unauthenticated() async throws {
        try await withTestApp { t in
            for path in ["/api/v1/auth/sessions", "/api/v1/auth/sessions/current", "/api/v1/auth/sessions/stats"] {
                let response = try await t.request(.GET, path)
                #expect(response.status == .unauthorized)
            }
        }
    }
}
