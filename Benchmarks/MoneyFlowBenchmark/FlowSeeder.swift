import Deliveries
import DemoData
import Fluent
import Foundation
import Platform
import Trips
import Vapor

/// One seeded flow: a pending offer on its own request and its own trip, accepted by the lane's customer and
/// scanned by the lane's traveler.
struct SeededFlow: Sendable {
    var offerId: UUID
    var lane: Int
}

/// What a batch of flows is walked for.
enum BatchRole: Sendable {
    /// Untimed, before the levels: every connection, statement and account opened once.
    case warmUp
    /// A measured level.
    case level
    /// The statement phase's flows (PostgreSQL).
    case statements
}

/// The flows of one level (or of the warm-up), split by lane: lane `l` walks `lanes[l]` in order.
struct FlowBatch: Sendable {
    var name: String
    var role: BatchRole
    var clients: Int
    var scans: ScanMethod
    var lanes: [[SeededFlow]]

    var count: Int { lanes.reduce(0) { $0 + $1.count } }
}

/// How the traveler proves the handoffs: the symbol's text (a camera) or the backup codes typed in.
enum ScanMethod: String, Encodable, Sendable {
    case qrCode = "qr code"
    case backupCode = "backup code"
}

/// The members every lane signs in as: lane `l` is customer `l` and traveler `l % travelers`.
struct SeededMembers: Sendable {
    var customers: [DemoPerson]
    var travelers: [DemoPerson]
    var password: String
}

/// Writes the benchmark's marketplace straight into the database, as the services would have left it just before
/// the customer accepts: active members with verified e-mail addresses (and the profiles their registration
/// events create), one upcoming trip per flow, one pending request per flow that fits its trip, and one pending
/// offer on it at the trip's list price. Every flow has a trip of its own, so no acceptance waits for another's
/// capacity, and the lanes share no member, so concurrent clients contend only for the database. Trips, requests
/// and offers are written without their creation events: those feed matching and statistics, which no step of
/// a flow reads.
struct FlowSeeder {
    static let password = "Bench!Passw0rd"

    let app: Application
    let seed: UInt64

    func seedMembers(lanes: Int, travelers: Int) async throws -> SeededMembers {
        var generator = SeededGenerator(seed: seed)
        let customers = (0..<lanes).map { index in
            DemoPerson.make(
                index: index, userType: .customer, tag: "flowbench", city: nil, rated: false, using: &generator)
        }
        let riders = (0..<travelers).map { index in
            DemoPerson.make(
                index: lanes + index, userType: .traveler, tag: "flowbench", city: nil, rated: false,
                using: &generator)
        }
        let hash = try await app.password.async.hash(Self.password)
        let app = self.app
        let now = app.clock.now()
        try await app.db.transaction { db in
            try await MemberRowWriter.insert(customers + riders, passwordHash: hash, statistics: false, at: now, on: db)
            for person in customers + riders {
                try await app.events.publish(
                    UserRegistered(
                        userId: person.id, email: person.email, userType: person.userType, referredByUserId: nil),
                    on: db, application: app)
                try await app.events.publish(UserEmailVerified(userId: person.id), on: db, application: app)
            }
        }
        return SeededMembers(customers: customers, travelers: riders, password: Self.password)
    }

    /// What one batch is: its name, how many flows, over how many lanes, scanned how.
    struct BatchSpec: Sendable {
        var name: String
        var role = BatchRole.level
        var count: Int
        var clients: Int
        var scans: ScanMethod
    }

    /// Seeds every batch; flow `i` of a batch goes to lane `i % clients`.
    func seedBatches(_ specs: [BatchSpec], members: SeededMembers) async throws -> [FlowBatch] {
        var generator = SeededGenerator(seed: seed &+ 1)
        let now = app.clock.now()
        let catalogue = try CityCatalogue(limit: 400)
        let trips = TripPlanner(routes: RouteCatalogue(cities: catalogue, hubs: 120, pairs: 60), popularShare: 0.9)
        let requests = RequestPlanner()
        var batches: [FlowBatch] = []
        var rows: [(TripPlan, DeliveryRequest, DeliveryOffer)] = []
        for spec in specs {
            var lanes = [[SeededFlow]](repeating: [], count: spec.clients)
            for index in 0..<spec.count {
                let lane = index % spec.clients
                let customer = members.customers[lane]
                let traveler = members.travelers[lane % members.travelers.count]
                let trip = trips.plan(travelerId: traveler.id, now: now, using: &generator)
                let plan = requests.plan(fitting: trip, now: now, using: &generator)
                let request = plan.makeRequest(customerId: customer.id, contact: customer.firstName, now: now)
                let offerId = generator.uuid()
                let offer = Self.offer(offerId, on: request, requestId: plan.id, trip: trip, now: now)
                rows.append((trip, request, offer))
                lanes[lane].append(SeededFlow(offerId: offerId, lane: lane))
            }
            batches.append(
                FlowBatch(name: spec.name, role: spec.role, clients: spec.clients, scans: spec.scans, lanes: lanes))
        }
        let written = rows
        try await app.db.transaction { db in
            for start in stride(from: 0, to: written.count, by: 200) {
                let slice = written[start..<min(written.count, start + 200)]
                try await TripRowWriter.insert(slice.map(\.0), at: now, on: db)
                for (_, request, offer) in slice {
                    try await request.create(on: db)
                    try await offer.create(on: db)
                }
            }
        }
        return batches
    }

    /// The offer the trip's traveler would make: the trip's list price for the request, within its budget.
    private static func offer(
        _ id: UUID, on request: DeliveryRequest, requestId: UUID, trip: TripPlan, now: Date
    ) -> DeliveryOffer {
        let offer = DeliveryOffer(requestId: requestId, travelerId: trip.travelerId, tripId: trip.id)
        offer.id = id
        let criteria = MatchCriteria(request, radiusKm: 50, excluded: [], preferred: [])
        let listPrice = MatchingEngine.price(
            of: TripIndexEntry(plan: trip), for: criteria, requestKm: request.distanceKm)
        offer.price = max(1, min(request.maxPrice, listPrice))
        offer.currency = request.currency
        offer.message = "Happy to take it"
        offer.estimatedPickupTime = max(request.pickupTimeStart, trip.departure.addingTimeInterval(-3_600))
        offer.estimatedDeliveryTime = trip.arrival.addingTimeInterval(3_600)
        offer.validUntil = min(now.addingTimeInterval(3 * 86_400), request.expiresAt)
        return offer
    }
}
