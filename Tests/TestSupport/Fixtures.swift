import Foundation
import Testing
import Vapor

/// A registered, verified account and its tokens.
public struct TestAccount: Sendable {
    public var id: String
    public var email: String
    public var password: String
    public var accessToken: String
    public var refreshToken: String
    public var sessionId: String
}

extension TestApp {
    public static let defaultPassword = "Str0ng!Passw0rd"

    /// The registration body of API.md step 1.
    public func registrationBody(
        email: String, password: String = TestApp.defaultPassword, userType: String = "both"
    ) -> [String: Any] {
        [
            "email": email, "password": password, "confirmPassword": password, "firstName": "Test",
            "lastName": "User", "userType": userType, "acceptedTerms": true, "acceptedPrivacy": true,
        ]
    }

    /// Registers, reads the mailed code and verifies: the account is active and signed in.
    public func signUp(
        _ email: String = "user-\(UUID().uuidString.prefix(8).lowercased())@example.com", userType: String = "both",
        password: String = TestApp.defaultPassword
    ) async throws -> TestAccount {
        let registered = try await request(
            .POST, "/api/v1/auth/register", json: registrationBody(email: email, password: password, userType: userType)
        )
        #expect(registered.status == .created, "register: \(registered.text)")
        try await runJobs()
        let code = try #require(mailbox.latestCode(to: email, subject: "verification"))
        let verified = try await request(
            .POST, "/api/v1/auth/verify-email", json: ["email": email, "verificationCode": code])
        #expect(verified.status == .ok, "verify: \(verified.text)")
        return TestAccount(
            id: try #require(verified.string("data.user.id")), email: email, password: password,
            accessToken: try #require(verified.string("data.accessToken")),
            refreshToken: try #require(verified.string("data.refreshToken")),
            sessionId: try #require(verified.string("data.sessionId")))
    }

    /// Signs in with e-mail and password and returns the new tokens.
    public func logIn(_ account: TestAccount, device: [String: Any]? = nil) async throws -> TestAccount {
        var body: [String: Any] = ["email": account.email, "password": account.password]
        if let device { body["deviceInfo"] = device }
        let response = try await request(.POST, "/api/v1/auth/login", json: body)
        #expect(response.status == .ok, "login: \(response.text)")
        var copy = account
        copy.accessToken = try #require(response.string("data.accessToken"))
        copy.refreshToken = try #require(response.string("data.refreshToken"))
        copy.sessionId = try #require(response.string("data.sessionId"))
        return copy
    }

    /// Creates a super admin through the same path as `p2p admin create`, then signs in.
    public func superAdmin(email: String = "root@example.com") async throws -> TestAccount {
        _ = try await SuperAdminFactory.create(email: email, password: TestApp.defaultPassword, app: app)
        let response = try await request(
            .POST, "/api/v1/auth/login", json: ["email": email, "password": TestApp.defaultPassword])
        #expect(response.status == .ok, "admin login: \(response.text)")
        return TestAccount(
            id: try #require(response.string("data.user.id")), email: email, password: TestApp.defaultPassword,
            accessToken: try #require(response.string("data.accessToken")),
            refreshToken: try #require(response.string("data.refreshToken")),
            sessionId: try #require(response.string("data.sessionId")))
    }
}
