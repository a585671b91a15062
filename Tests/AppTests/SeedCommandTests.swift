import Auth
import Deliveries
import Fluent
import Foundation
import Platform
import TestSupport
import Testing
import Trips
import Vapor

@testable import App

/// `p2p seed --demo`, run in-process through its command against a test application's database.
@Suite("p2p seed --demo")
struct SeedCommandTests {
    static func seed(_ arguments: [String], app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["p2p"] + arguments))
        context.application = app
        try await app.console.run(SeedCommand(), with: context)
    }

    @Test("fills a fresh database; the demo logins work and a seeded request finds matches")
    func seedsDemoMarketplace() async throws {
        try await withTestApp { test in
            // act
            try await Self.seed(["--demo", "--seed", "7"], app: test.app)

            // assert
            let db = test.app.db
            #expect(try await User.query(on: db).count() == 60)
            #expect(try await User.query(on: db).filter(\.$status == .active).count() == 60)
            #expect(try await Trip.query(on: db).filter(\.$status == .upcoming).count() == 200)
            #expect(try await DeliveryRequest.query(on: db).count() == 60)
            #expect(try await DeliveryRequest.query(on: db).filter(\.$status == .pending).count() == 54)
            #expect(try await DeliveryOffer.query(on: db).count() == 24)
            #expect(try await DeliveryOffer.query(on: db).filter(\.$status == .accepted).count() == 6)
            #expect(try await Delivery.query(on: db).filter(\.$status == .accepted).count() == 6)
            #expect(try await DeliveryEvent.query(on: db).count() == 6)
            #expect(try await CapacityReservation.query(on: db).count() == 6)

            let traveler = try await test.request(
                .POST, "/api/v1/auth/login",
                json: ["email": "traveler@demo7.example.com", "password": DemoMarketplace.password])
            #expect(traveler.status == .ok, "\(traveler.text)")
            let customer = try await test.request(
                .POST, "/api/v1/auth/login",
                json: ["email": "customer@demo7.example.com", "password": DemoMarketplace.password])
            #expect(customer.status == .ok, "\(customer.text)")
            let token = try #require(customer.string("data.accessToken"))
            let customerId = try #require(customer.string("data.user.id").flatMap(UUID.init(uuidString:)))

            let pending = try await DeliveryRequest.query(on: db).filter(\.$customer.$id == customerId)
                .filter(\.$status == .pending).all()
            #expect(!pending.isEmpty)
            var found = 0
            for request in pending {
                let response = try await test.request(
                    .POST, "/api/v1/delivery-requests/\(try request.requireID())/find-matches", token: token)
                #expect(response.status == .ok, "\(response.text)")
                found += (response["data.matches"] as? [Any])?.count ?? 0
            }
            #expect(found > 0)
        }
    }

    @Test("the same seed writes the same trips")
    func deterministic() async throws {
        var titles: [[String]] = []
        for _ in 0..<2 {
            try await withTestApp { test in
                try await Self.seed(["--demo", "--seed", "3"], app: test.app)
                titles.append(try await Trip.query(on: test.app.db).sort(\.$id).all().map { "\($0.id!) \($0.title)" })
            }
        }
        #expect(titles[0].count == 200)
        #expect(titles[0] == titles[1])
    }

    @Test("refuses a database that already has accounts, unless --force")
    func refusesUsedDatabase() async throws {
        try await withTestApp { test in
            // setup
            _ = try await test.signUp("someone@example.com")

            // act, assert
            await #expect(throws: ExitCode.self) { try await Self.seed(["--demo"], app: test.app) }
            #expect(try await Trip.query(on: test.app.db).count() == 0)
            try await Self.seed(["--demo", "--force"], app: test.app)
            #expect(try await Trip.query(on: test.app.db).count() == 200)
            await #expect(throws: ExitCode.self) { try await Self.seed(["--demo", "--force"], app: test.app) }
        }
    }

    @Test("seed without --demo says what to do")
    func needsDemo() async throws {
        try await withTestApp { test in
            await #expect(throws: ExitCode.self) { try await Self.seed([], app: test.app) }
        }
    }

    @Test("seed answers --help")
    func help() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, output) = try CommandLineTests.run(["seed", "--help"], dataDirectory: directory)
        #expect(status == 0, "\(output)")
        #expect(output.contains("p2p seed"))
        #expect(output.contains("--demo"))
    }
}
