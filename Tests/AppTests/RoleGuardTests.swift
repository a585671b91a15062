import Auth
import Fluent
import Foundation
import Platform
import TestSupport
import Testing
import Vapor

@Suite("Roles")
struct RoleGuardTests {
    @Test("a customer-only user cannot act as a traveler; only admins pass the admin guard")
    func guards() async throws {
        try await withTestApp { t in
            t.app.grouped(RoleGuard.traveler).get("test-traveler") { _ in "ok" }.doc("test")
            t.app.grouped(RoleGuard.customer).get("test-customer") { _ in "ok" }.doc("test")
            t.app.grouped(RoleGuard.admin).get("test-admin") { _ in "ok" }.doc("test")
            t.app.grouped(RoleGuard.superAdmin).get("test-root") { _ in "ok" }.doc("test")
            let customer = try await t.signUp("c@example.com", userType: "customer")
            let traveler = try await t.signUp("t@example.com", userType: "traveler")
            let both = try await t.signUp("b@example.com", userType: "both")
            let root = try await t.superAdmin()

            let expectations: [(TestAccount, String, HTTPResponseStatus)] = [
                (customer, "/test-traveler", .forbidden), (customer, "/test-customer", .ok),
                (traveler, "/test-traveler", .ok), (traveler, "/test-customer", .forbidden),
                (both, "/test-traveler", .ok), (both, "/test-customer", .ok), (both, "/test-admin", .forbidden),
                (root, "/test-admin", .ok), (root, "/test-root", .ok), (customer, "/test-root", .forbidden),
            ]
            for (account, path, status) in expectations {
                let response = try await t.request(.GET, path, token: account.accessToken)
                #expect(response.status == status, "\(account.email) \(path)")
                if status == .forbidden { #expect(response.code == "FORBIDDEN") }
            }
            let anonymous = try await t.request(.GET, "/test-admin")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("a suspended account cannot sign in and its tokens stop working")
    func suspended() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("suspended@example.com")
            let user = try #require(try await User.query(on: t.app.db).filter(\.$email == account.email).first())
            user.status = .suspended
            try await user.save(on: t.app.db)
            let login = try await t.request(
                .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password])
            #expect(login.status == .forbidden)
            #expect(login.code == "ACCOUNT_SUSPENDED")
            let refresh = try await t.request(
                .POST, "/api/v1/auth/refresh", json: ["refreshToken": account.refreshToken])
            #expect(refresh.code == "ACCOUNT_SUSPENDED")
        }
    }
}
