import Auth
import Fluent
import Foundation
import Platform
import SQLKit
import TestSupport
import Testing

@testable import App

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

    @Test(
        "on SQLite, lone writes during a transaction wait for the writer's turn instead of holding SQLite's threads",
        .sqliteOnly)
    func loneWritesDuringTransaction() async throws {
        try await withTestApp { t in
            let database = try #require(t.app.db as? ImmediateWriteSQLiteDatabase)
            let (entered, enteredSignal) = AsyncStream<Void>.makeStream()
            let (gate, gateSignal) = AsyncStream<Void>.makeStream()
            let transaction = Task {
                try await t.app.db.transaction { tx in
                    try await tx.sqlDatabase.raw("INSERT INTO write_lock (id) VALUES (1)").run()
                    enteredSignal.yield()
                    for await _ in gate { break }
                    try await tx.sqlDatabase.raw("INSERT INTO write_lock (id) VALUES (2)").run()
                }
            }
            for await _ in entered { break }
            // More lone writes than SQLite has threads, while the transaction holds the write lock: left to
            // SQLite's busy handler they would spin on both threads, and the transaction could never go on.
            let writes = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for id in 3...5 {
                        group.addTask {
                            try await t.app.db.sqlDatabase.raw("INSERT INTO write_lock (id) VALUES (\(bind: id))").run()
                        }
                    }
                    try await group.waitForAll()
                }
            }
            var polls = 0
            while database.writers.waiting < 3, polls < 100_000 {
                await Task.yield()
                polls += 1
            }
            try #require(database.writers.waiting == 3)
            gateSignal.yield()
            try await transaction.value
            try await writes.value
            let rows = try await t.app.db.sqlDatabase.raw("SELECT id FROM write_lock").all()
            #expect(rows.count == 5)
            try await t.app.db.sqlDatabase.raw("DELETE FROM write_lock").run()
        }
    }
}
