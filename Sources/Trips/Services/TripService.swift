import Auth
import Fluent
import Platform
import SQLKit
import Users
import Vapor

/// Creating, reading, listing and editing trips.
struct TripService {
    let context: CallContext

    /// Creates a trip, and its repetitions when it is recurring, in one transaction; `parentTemplate` is the
    /// template it was made from, whose use is counted in that transaction.
    func create(_ input: TripInput, by travelerId: UUID, parentTemplate: UUID? = nil) async throws -> Trip {
        let traveler = try await context.currentUser()
        let trip = Trip(travelerId: travelerId)
        var editor = TripEditor(
            now: context.now, geocoder: context.geocoder, defaultCurrency: traveler.preferredCurrency)
        var check = RuleCheck()
        let pattern = RecurringPatternRules.pattern(
            from: input.recurringPattern, isRecurring: input.isRecurring ?? false, check: &check)
        do {
            try await editor.apply(input, to: trip, isNew: true)
        } catch let error as APIError where error.code == "VALIDATION_ERROR" {
            throw APIError.validation(error.details + check.problems)
        }
        try check.throwIfBroken()
        trip.isRecurring = pattern != nil
        trip.recurringPattern = pattern
        return try await context.db.transaction { db in
            try await trip.create(on: db)
            try await context.publish(TripCreated(tripId: try trip.requireID(), travelerId: travelerId), on: db)
            if let parentTemplate {
                try await TemplateService.recordUse(of: parentTemplate, on: db, at: context.now)
            }
            if let pattern {
                let horizon = context.now.addingTimeInterval(TripEditor.maxLeadTime)
                for departure in RecurringSchedule.departures(
                    after: trip.departureTime, pattern: pattern, horizon: horizon)
                {
                    let child = trip.repetition(departingAt: departure)
                    try await child.create(on: db)
                    try await context.publish(
                        TripCreated(tripId: try child.requireID(), travelerId: travelerId), on: db)
                }
            }
            try await AuditTrail.record(
                "trip_created", category: "trips", userId: travelerId, entityType: "trip",
                entityId: try trip.requireID().uuidString, context: context.on(db))
            return trip
        }
    }

    /// A trip as `viewerId` may see it: private trips only to their traveler and admins, never across a block.
    func visibleTrip(_ id: UUID, to principal: Principal) async throws -> Trip {
        guard let trip = try await Trip.find(id, on: context.db) else { throw TripsError.tripNotFound }
        if trip.$traveler.id == principal.userId || principal.isAdmin { return trip }
        guard trip.visibility == .public else { throw TripsError.tripNotFound }
        if try await MemberDirectory.isBlocked(between: principal.userId, and: trip.$traveler.id, on: context.db) {
            throw TripsError.tripNotFound
        }
        return trip
    }

    /// A trip the principal may change: their own, or any for an admin.
    func ownedTrip(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Trip {
        guard let trip = try await Trip.find(id, on: db) else { throw TripsError.tripNotFound }
        guard trip.$traveler.id == principal.userId || principal.isAdmin else {
            // Another traveler's private trip stays invisible.
            throw trip.visibility == .private ? TripsError.tripNotFound : TripsError.notYourTrip
        }
        return trip
    }

    /// Applies an update under a row lock so capacity arithmetic sees every committed reservation.
    func update(_ id: UUID, with input: TripInput, by principal: Principal) async throws -> Trip {
        try await context.db.transaction { db in
            try await Trip.lockRow(id, on: db)
            let trip = try await ownedTrip(id, by: principal, on: db)
            guard trip.status == .upcoming else { throw TripsError.tripNotEditable(status: trip.status) }
            var editor = TripEditor(now: context.now, geocoder: context.geocoder, defaultCurrency: trip.currency)
            let changes = try await editor.apply(input, to: trip, isNew: false)
            guard !changes.isEmpty else { return trip }
            try await trip.save(on: db)
            try await context.publish(
                TripUpdated(tripId: try trip.requireID(), travelerId: trip.$traveler.id, changes: changes.sorted()),
                on: db)
            try await AuditTrail.record(
                "trip_updated", category: "trips", userId: principal.userId, entityType: "trip",
                entityId: id.uuidString, metadata: ["changes": changes.sorted().joined(separator: ",")],
                context: context.on(db))
            return trip
        }
    }

    /// Moves the principal's trip (any trip for an admin) to `next` under its row lock, with the audit entry.
    func move(_ id: UUID, to next: TripStatus, by principal: Principal, reason: String?) async throws -> Trip {
        try await context.transaction { tx in
            try await Trip.lockRow(id, on: tx.db)
            let trip = try await ownedTrip(id, by: principal, on: tx.db)
            try await TripLifecycle(context: tx).move(trip, to: next, actor: principal.userId, reason: reason)
            try await AuditTrail.record(
                "trip_\(next.rawValue)", category: "trips", userId: principal.userId, entityType: "trip",
                entityId: id.uuidString, context: tx)
            return trip
        }
    }

    /// The traveler's trips, soonest departure first, optionally of one status.
    func trips(of travelerId: UUID, status: TripStatus?, page: PageQuery) async throws -> ListPage<Trip> {
        let query = Trip.query(on: context.db).filter(\.$traveler.$id == travelerId)
        if let status { query.filter(\.$status == status) }
        return try await query.sort(\.$departureTime, .ascending).page(page)
    }

    /// Responses with each trip's traveler summary.
    func responses(_ trips: [Trip], viewer: UUID?) async throws -> [TripResponse] {
        let travelers = try await MemberDirectory.summaries(of: trips.map { $0.$traveler.id }, on: context.db)
        return try trips.map { try TripResponse($0, viewer: viewer, traveler: travelers[$0.$traveler.id]) }
    }

    func response(_ trip: Trip, viewer: UUID?) async throws -> TripResponse {
        try await responses([trip], viewer: viewer)[0]
    }
}

extension Trip {
    /// Takes the row lock on PostgreSQL (SQLite transactions already hold the database's write lock).
    public static func lockRow(_ id: UUID, on db: any Database) async throws {
        guard db.isPostgres else { return }
        try await db.sqlDatabase.raw("SELECT id FROM trips WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// A copy of this trip departing at `departure`, same duration, fresh capacity, linked to this one.
    func repetition(departingAt departure: Date) -> Trip {
        let copy = duplicate()
        copy.schedule(
            departure: departure, arrival: departure.addingTimeInterval(arrivalTime.timeIntervalSince(departureTime)))
        copy.$parentTrip.id = id
        copy.isRecurring = true
        copy.recurringPattern = recurringPattern
        return copy
    }

    /// A new upcoming trip with this trip's route, capacity, pricing and rules (schedule copied as is).
    func duplicate() -> Trip {
        let copy = Trip(travelerId: $traveler.id)
        copy.title = title
        copy.description = description
        copy.tripType = tripType
        copy.originAddress = originAddress
        copy.originAirport = originAirport
        copy.originTerminal = originTerminal
        copy.originDetails = originDetails
        copy.destinationAddress = destinationAddress
        copy.destinationAirport = destinationAirport
        copy.destinationTerminal = destinationTerminal
        copy.destinationDetails = destinationDetails
        copy.route(from: originCoordinates, to: destinationCoordinates)
        copy.schedule(departure: departureTime, arrival: arrivalTime)
        copy.weightCapacity = weightCapacity
        copy.volumeCapacity = volumeCapacity
        copy.itemCapacity = itemCapacity
        copy.availableWeight = weightCapacity
        copy.availableVolume = volumeCapacity
        copy.availableItems = itemCapacity
        copy.currency = currency
        copy.basePrice = basePrice
        copy.pricePerKg = pricePerKg
        copy.pricePerKm = pricePerKm
        copy.expressMultiplier = expressMultiplier
        copy.fragileMultiplier = fragileMultiplier
        copy.restrictions = restrictions
        copy.preferences = preferences
        copy.visibility = visibility
        copy.autoAccept = autoAccept
        copy.autoAcceptPrice = autoAcceptPrice
        copy.tags = tags
        return copy
    }
}
