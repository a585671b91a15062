import Auth
import Fluent
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("No endpoint leaks secrets or another user's private data")
struct PrivacyTests {
    /// Values that must never appear in any response.
    struct Secrets {
        var values: [String]
    }

    @Test("every GET route, called by another user and by the owner, hides hashes, secrets and private fields")
    func walkEveryRoute() async throws {
        try await withTestApp { t in
            // setup: an owner with a phone, a birth date, 2FA and several sessions; and a stranger
            var body = t.registrationBody(email: "owner@example.com")
            body["phoneNumber"] = "+33612345678"
            body["dateOfBirth"] = "1990-04-12"
            try await t.request(.POST, "/api/v1/auth/register", json: body)
            try await t.runJobs()
            let code = try #require(t.mailbox.latestCode(to: "owner@example.com"))
            let verified = try await t.request(
                .POST, "/api/v1/auth/verify-email", json: ["email": "owner@example.com", "verificationCode": code])
            let ownerToken = try #require(verified.string("data.accessToken"))
            let ownerId = try #require(verified.string("data.user.id"))
            let ownerSession = try #require(verified.string("data.sessionId"))
            let ownerRefresh = try #require(verified.string("data.refreshToken"))
            let setup = try await t.request(.POST, "/api/v1/auth/2fa/setup", token: ownerToken)
            let totpSecret = try #require(setup.string("data.secret"))
            let backupCodes = try #require(setup["data.backupCodes"] as? [String])
            let stranger = try await t.signUp("stranger@example.com")

            let user = try #require(try await User.query(on: t.app.db).filter(\.$email == "owner@example.com").first())
            let sessions = try await UserSession.query(on: t.app.db).all()
            let twoFactor = try #require(try await UserTwoFactorAuth.query(on: t.app.db).first())
            let secrets =
                [try #require(user.passwordHash), twoFactor.secretKey, totpSecret, ownerRefresh]
                + backupCodes + twoFactor.backupCodes + sessions.map(\.refreshTokenHash)
                + sessions.map(\.deviceFingerprint)
            let privateFields = ["owner@example.com", "+33612345678", "1990-04-12"]

            // act + assert
            var visited = 0
            for route in t.app.routes.all where route.method == .GET {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        guard case .parameter(let name) = component else { return component.description }
                        switch name {
                        case "userId", "travelerId": return ownerId
                        case "sessionId": return ownerSession
                        case "category": return "notification"
                        case "setting": return "email"
                        case "provider": return "google"
                        default: return UUID().uuidString
                        }
                    }.joined(separator: "/")
                let asStranger = try await t.request(.GET, path, token: stranger.accessToken)
                for value in secrets + privateFields {
                    #expect(!asStranger.text.contains(value), "\(path) shows \(value.prefix(12))… to another user")
                }
                let asOwner = try await t.request(.GET, path, token: ownerToken)
                for value in secrets {
                    #expect(!asOwner.text.contains(value), "\(path) shows a secret \(value.prefix(12))… to its owner")
                }
                for field in [
                    "passwordHash", "password_hash", "refreshTokenHash", "refresh_token_hash", "secretKey",
                    "secret_key", "tokenHash", "token_hash",
                ] {
                    #expect(!asOwner.text.contains(field), "\(path) exposes a field named \(field)")
                }
                visited += 1
            }
            #expect(visited >= 15)
        }
    }
}
