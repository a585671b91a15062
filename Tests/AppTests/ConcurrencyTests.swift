import Auth
import Fluent
import Foundation
import TestSupport
import Testing

@Suite("Concurrent writes")
struct ConcurrencyTests {
    @Test("concurrent registrations and sign-ins all succeed (SQLite's single writer queues them)")
    func concurrentRegistrations() async throws {
        try await withTestApp { t in
            // act
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for index in 0..<25 {
                    group.addTask {
                        let body = t.registrationBody(email: "crowd\(index)@example.com")
                        return try await t.request(.POST, "/api/v1/auth/register", json: body).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            // assert
            #expect(statuses == Array(repeating: 201, count: 25))
            let users = try await User.query(on: t.app.db).count()
            #expect(users == 25)

            let account = try await t.signUp("busy@example.com")
            let logins = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<9 {  // the per-e-mail limit allows 10 a window
                    group.addTask {
                        try await t.request(
                            .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password]
                        ).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(logins == Array(repeating: 200, count: 9))
        }
    }
}
