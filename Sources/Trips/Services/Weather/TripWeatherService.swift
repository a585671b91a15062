import Fluent
import Foundation
import Platform
import Vapor

/// A trip's weather, served from `trip_weather` while fresh and fetched again when not.
///
/// A cached row is fresh for `freshness` after it was fetched, and only while the trip's route and times are
/// those it describes. When the provider fails, a plain read falls back to the last row that still describes the
/// trip (marked `stale`); an explicit refresh, or a trip never fetched, answers 503.
struct TripWeatherService {
    static let freshness: TimeInterval = 3 * 3600

    let db: any Database
    let provider: any WeatherProvider
    let now: Date
    let logger: Logger

    init(context: CallContext) {
        self.init(db: context.db, provider: context.weather, now: context.now, logger: context.logger)
    }

    init(db: any Database, provider: any WeatherProvider, now: Date, logger: Logger) {
        self.db = db
        self.provider = provider
        self.now = now
        self.logger = logger
    }

    /// The cached row and how it was obtained.
    struct Result: Sendable {
        var record: TripWeather
        /// Served from the cache rather than fetched by this call.
        var cached: Bool
        /// Older than `freshness`, served because the provider failed.
        var stale: Bool
    }

    func weather(for trip: Trip, refresh: Bool) async throws -> Result {
        guard trip.status.isLive else { throw TripsError.weatherNotApplicable(status: trip.status) }
        let tripId = try trip.requireID()
        let cached = try await TripWeather.query(on: db).filter(\.$trip.$id == tripId).first()
        let current = cached.flatMap { Self.describes($0, trip) ? $0 : nil }
        if !refresh, let current, now.timeIntervalSince(current.fetchedAt) < Self.freshness {
            return Result(record: current, cached: true, stale: false)
        }
        let route: RouteWeather
        do {
            route = try await fetch(trip)
        } catch {
            logger.warning("weather for trip \(tripId) failed: \(String(describing: error))")
            if !refresh, let current { return Result(record: current, cached: true, stale: true) }
            throw TripsError.weatherProviderFailed
        }
        return Result(record: try await store(route, for: tripId), cached: false, stale: false)
    }

    /// Asks the provider about both ends: the origin around departure, the destination around arrival.
    func fetch(_ trip: Trip) async throws -> RouteWeather {
        let check = PlaceWeatherCheck(provider: provider, now: now)
        let (from, departure, to, arrival) = (
            trip.originCoordinates, trip.departureTime, trip.destinationCoordinates, trip.arrivalTime
        )
        async let origin = check.check(from, around: departure, place: "origin")
        async let destination = check.check(to, around: arrival, place: "destination")
        return RouteWeather(origin: try await origin, destination: try await destination)
    }

    /// Replaces the trip's row; the trip's row lock keeps two concurrent fetches from both inserting.
    private func store(_ route: RouteWeather, for tripId: UUID) async throws -> TripWeather {
        try await db.transaction { tx in
            try await Trip.lockRow(tripId, on: tx)
            let record =
                try await TripWeather.query(on: tx).filter(\.$trip.$id == tripId).first()
                ?? TripWeather(tripId: tripId)
            record.originWeather = route.origin
            record.destinationWeather = route.destination
            record.travelConditions = route.conditions
            record.alerts = route.alerts
            record.fetchedAt = now
            try await record.save(on: tx)
            return record
        }
    }

    private static func describes(_ record: TripWeather, _ trip: Trip) -> Bool {
        record.originWeather.describes(trip.originCoordinates, at: trip.departureTime)
            && record.destinationWeather.describes(trip.destinationCoordinates, at: trip.arrivalTime)
    }
}
