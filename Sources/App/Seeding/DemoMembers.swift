import Auth
import DemoData
import Fluent
import Foundation
import Platform
import Vapor

/// The demo's travelers and customers; the first of each signs in with a known address.
struct DemoMembers {
    var travelers: [DemoPerson]
    var customers: [DemoPerson]

    static func make(
        counts: DemoMarketplace.Counts, seed: UInt64, cities: CityCatalogue, using generator: inout SeededGenerator
    ) -> DemoMembers {
        let tag = "demo\(seed)"
        let homes = Array(cities.cities.prefix(100))
        var travelers = (0..<counts.travelers).map { index in
            DemoPerson.make(
                index: index, userType: generator.chance(0.2) ? .both : .traveler, tag: tag,
                city: generator.pick(homes), rated: false, using: &generator)
        }
        var customers = (0..<counts.customers).map { index in
            DemoPerson.make(
                index: counts.travelers + index, userType: .customer, tag: tag, city: generator.pick(homes),
                rated: false, using: &generator)
        }
        travelers[0].email = "traveler@\(tag).example.com"
        customers[0].email = "customer@\(tag).example.com"
        return DemoMembers(travelers: travelers, customers: customers)
    }

    /// Writes the accounts as registration and e-mail verification leave them, with the same events, so the
    /// Users module creates each member's profile rows.
    static func write(
        _ members: DemoMembers, passwordHash: String, app: Application, now: Date, progress: TerminalProgressBar?
    ) async throws {
        let everyone = members.travelers + members.customers
        try await app.db.transaction { db in
            try await MemberRowWriter.insert(everyone, passwordHash: passwordHash, statistics: false, at: now, on: db)
            for (position, person) in everyone.enumerated() {
                try await app.events.publish(
                    UserRegistered(
                        userId: person.id, email: person.email, userType: person.userType, referredByUserId: nil),
                    on: db, application: app)
                try await app.events.publish(UserEmailVerified(userId: person.id), on: db, application: app)
                progress?.show(position + 1, of: everyone.count, "members")
            }
        }
    }
}
