import Auth
import Deliveries
import DemoData
import Fluent
import Foundation
import Platform
import Trips
import Vapor

/// The demo marketplace `p2p seed --demo` writes: members, trips on popular routes, open requests, offers and
/// a few accepted deliveries, all derived from one seed so the same seed gives the same people and places.
///
/// Rows are written the way the services write them (same columns, same events in the same transaction,
/// capacity held through `TripCapacity.reserve`, delivery history in `delivery_events`), without going through
/// HTTP: no sign-in per member, no e-mail round trip, and ids drawn from the seed.
public struct DemoMarketplace: Sendable {
    public static let password = "Demo!Passw0rd"

    public struct Counts: Sendable, Equatable {
        public var travelers = 30
        public var customers = 30
        public var trips = 200
        public var requests = 60
        /// Requests that get offers; the first `deliveries` of them have one accepted.
        public var requestsWithOffers = 24
        public var deliveries = 6

        public init() {}
    }

    public let app: Application
    public let seed: UInt64
    public var counts = Counts()

    public init(app: Application, seed: UInt64) {
        self.app = app
        self.seed = seed
    }

    /// E-mail addresses of the two accounts a newcomer signs in with.
    public var demoTravelerEmail: String { "traveler@demo\(seed).example.com" }
    public var demoCustomerEmail: String { "customer@demo\(seed).example.com" }

    /// Writes everything; `progress` is told each step's advance.
    public func run(progress: TerminalProgressBar? = nil) async throws -> DemoMarketplaceSummary {
        var generator = SeededGenerator(seed: seed)
        let app = self.app
        let now = app.clock.now()
        let hash = try await app.password.async.hash(Self.password)
        let catalogue = try CityCatalogue(limit: 400)
        let routes = RouteCatalogue(cities: catalogue, hubs: 120, pairs: 60)
        let people = DemoMembers.make(counts: counts, seed: seed, cities: catalogue, using: &generator)
        try await DemoMembers.write(people, passwordHash: hash, app: app, now: now, progress: progress)

        let planner = TripPlanner(routes: routes, popularShare: 0.9, horizon: 30 * 86_400)
        let trips = (0..<counts.trips).map { _ in
            planner.plan(travelerId: generator.pick(people.travelers).id, now: now, using: &generator)
        }
        try await app.db.transaction { db in
            for start in stride(from: 0, to: trips.count, by: 20) {
                let batch = Array(trips[start..<min(trips.count, start + 20)])
                try await TripRowWriter.insert(batch, at: Date(), on: db)
                for trip in batch {
                    try await app.events.publish(
                        TripCreated(tripId: trip.id, travelerId: trip.travelerId), on: db, application: app)
                }
                progress?.show(start + batch.count, of: trips.count, "trips")
            }
        }

        let market = DemoRequests(app: app, now: now)
        let requests = try await market.post(
            count: counts.requests, trips: trips, customers: people.customers, progress: progress,
            using: &generator)
        let offers = try await market.offer(
            on: Array(requests.prefix(counts.requestsWithOffers)), progress: progress, using: &generator)
        // One delivery per trip, so every accepted item fits the capacity its trip has left.
        var tripsTaken = Set<UUID>()
        let accepted = offers.filter { tripsTaken.insert($0.offer.$trip.id).inserted }.prefix(counts.deliveries)
        let deliveries = try await market.accept(Array(accepted), progress: progress, using: &generator)
        return DemoMarketplaceSummary(
            travelers: people.travelers.count, customers: people.customers.count, trips: trips.count,
            requests: requests.count, offers: offers.count, deliveries: deliveries,
            travelerEmail: demoTravelerEmail, customerEmail: demoCustomerEmail, password: Self.password)
    }
}

/// What `DemoMarketplace.run` wrote, and how to sign in.
public struct DemoMarketplaceSummary: Sendable, Equatable {
    public var travelers: Int
    public var customers: Int
    public var trips: Int
    public var requests: Int
    public var offers: Int
    public var deliveries: Int
    public var travelerEmail: String
    public var customerEmail: String
    public var password: String
}
