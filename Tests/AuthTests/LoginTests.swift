import Foundation
import TestSupport
import Testing

@Suite("Login, rate limits and lockout")
struct LoginTests {
    @Test("login returns tokens and the account; wrong password and unknown e-mail answer alike")
    func login() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("login@example.com")
            let ok = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "LOGIN@example.com", "password": account.password])
            #expect(ok.status == .ok)
            #expect(ok.string("data.tokenType") == "Bearer")
            #expect(ok.string("data.user.email") == "login@example.com")
            #expect(ok.string("data.user.lastLoginAt") != nil)

            let wrong = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "login@example.com", "password": "Wrong!Passw0rd"])
            let unknown = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "nobody@example.com", "password": "Wrong!Passw0rd"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.json["message"] as? String == "Invalid credentials")
            #expect(wrong.code == unknown.code)
            #expect(wrong.json["message"] as? String == unknown.json["message"] as? String)
        }
    }

    @Test("an unverified account cannot sign in")
    func unverified() async throws {
        try await withTestApp { t in
            try await t.request(.POST, "/api/v1/auth/register", json: t.registrationBody(email: "new@example.com"))
            let response = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "new@example.com", "password": TestApp.defaultPassword])
            #expect(response.status == .forbidden)
            #expect(response.code == "EMAIL_NOT_VERIFIED")
        }
    }

    @Test("five failures lock the account until the window ends, even for the right password")
    func lockout() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("locked@example.com")
            for _ in 0..<5 {
                let failed = try await t.request(
                    .POST, "/api/v1/auth/login", json: ["email": account.email, "password": "Bad!Passw0rd"])
                #expect(failed.status == .unauthorized)
            }
            let locked = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.code == "ACCOUNT_LOCKED")
            let retryAfter = try #require(locked.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 900)

            t.clock.advance(by: TimeInterval(retryAfter))
            let open = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(open.status == .ok)

            let log = try await t.request(
                .GET, "/api/v1/auth/account/security-log", token: open.string("data.accessToken"))
            let actions = log.list.compactMap { $0["action"] as? String }
            #expect(actions.contains("account_locked"))
            #expect(actions.filter { $0 == "login_failed" }.count == 5)
        }
    }

    @Test("per-IP rate limit answers 429 with Retry-After")
    func rateLimitPerIP() async throws {
        try await withTestApp { t in
            let ip = "203.0.113.9"
            for index in 0..<30 {
                let response = try await t.request(
                    .POST, "/api/v1/auth/login", json: ["email": "probe\(index)@example.com", "password": "x"],
                    peer: ip)
                #expect(response.status == .unauthorized)
            }
            let limited = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "probe@example.com", "password": "x"], peer: ip)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.code == "RATE_LIMITED")
            #expect(Int(limited.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            let otherClient = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "probe@example.com", "password": "x"],
                peer: "198.51.100.7")
            #expect(otherClient.status == .unauthorized)
        }
    }

    @Test("per-e-mail rate limit applies across client addresses")
    func rateLimitPerEmail() async throws {
        try await withTestApp { t in
            for index in 0..<10 {
                _ = try await t.request(
                    .POST, "/api/v1/auth/login", json: ["email": "target@example.com", "password": "x"],
                    peer: "192.0.2.\(index)")
            }
            let limited = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": "target@example.com", "password": "x"],
                peer: "192.0.2.200")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: "Retry-After") != nil)
        }
    }

    @Test("a new device sends a security e-mail and is flagged; a known device is not")
    func newDeviceAlert() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("alert@example.com")
            try await t.runJobs()
            let before = t.mailbox.messages(to: account.email).count
            _ = try await t.logIn(account)  // same (empty) device as the verification sign-in
            _ = try await t.logIn(
                account, device: ["deviceId": "pixel-8", "platform": "android", "deviceType": "mobile"])
            try await t.runJobs()
            let mails = t.mailbox.messages(to: account.email)
            #expect(mails.count == before + 1)
            #expect(mails.last?.subject == "New sign-in to your P2P Delivery account")
            let suspicious = try await t.request(.GET, "/api/v1/auth/sessions/suspicious", token: account.accessToken)
            #expect(suspicious.list.count == 1)
            #expect(suspicious.list.first?["deviceId"] as? String == "pixel-8")
        }
    }

    @Test("suspended and deactivated accounts cannot sign in")
    func status() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("quiet@example.com")
            let deactivated = try await t.request(
                .POST, "/api/v1/auth/account/deactivate", json: ["password": account.password],
                token: account.accessToken)
            #expect(deactivated.status == .ok)
            let login = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(login.status == .forbidden)
            #expect(login.code == "ACCOUNT_DEACTIVATED")
            let oldToken = try await t.request(.GET, "/api/v1/auth/validate", token: account.accessToken)
            #expect(oldToken.status == .unauthorized)
        }
    }
}
