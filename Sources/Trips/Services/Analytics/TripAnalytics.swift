import Fluent
import Foundation
import Platform
import SQLKit

/// A traveler's overview and period statistics, computed from their trips and reservations.
struct TripAnalytics {
    let db: any Database
    let now: Date

    func overview(of travelerId: UUID) async throws -> TripAnalyticsOverview {
        let totals = try await TripTotals.load(travelerId: travelerId, on: db)
        let upcoming = try await Trip.query(on: db).filter(\.$traveler.$id == travelerId)
            .filter(\.$status == .upcoming).filter(\.$departureTime > now)
            .sort(\.$departureTime).sort(\.$id).limit(5).all()
        return TripAnalyticsOverview(
            totalTrips: totals.tripCount, byStatus: totals.byStatus, totalDistanceKm: totals.distance(),
            completedDistanceKm: totals.distance(status: .completed), capacity: totals.capacity,
            nextDeparture: upcoming.first?.departureTime,
            upcoming: try upcoming.map { trip in
                TripAnalyticsOverview.UpcomingTrip(
                    id: try trip.requireID(), title: trip.title, departureTime: trip.departureTime,
                    origin: trip.originAddress, destination: trip.destinationAddress,
                    availableCapacity: trip.available)
            })
    }

    /// Trips departing in `period`.
    func statistics(of travelerId: UUID, period: Range<Date>) async throws -> TripPeriodStatistics {
        let totals = try await TripTotals.load(travelerId: travelerId, period: period, on: db)
        let live = totals.liveTripCount
        return TripPeriodStatistics(
            period: TripPeriodStatistics.Period(from: period.lowerBound, to: period.upperBound),
            totalTrips: totals.tripCount, byStatus: totals.byStatus,
            byTripType: try await tripTypes(of: travelerId, period: period),
            totalDistanceKm: totals.distance(),
            averageDistanceKm: live > 0 ? (totals.distance() / Double(live) * 10).rounded() / 10 : 0,
            averageDurationMinutes: live > 0 ? Int((Double(totals.liveDuration) / Double(live)).rounded()) : 0,
            capacity: totals.capacity, reservations: try await reservations(of: travelerId, period: period))
    }

    private func tripTypes(of travelerId: UUID, period: Range<Date>) async throws -> [String: Int] {
        struct Row: Decodable {
            var trip_type: String
            var trip_count: Int
        }
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT trip_type, COUNT(*) AS trip_count FROM trips
            WHERE traveler_id = \(bind: travelerId)
                AND departure_time >= \(bind: period.lowerBound) AND departure_time < \(bind: period.upperBound)
            GROUP BY trip_type
            """
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.trip_type, $0.trip_count) }, uniquingKeysWith: +)
    }

    private func reservations(
        of travelerId: UUID, period: Range<Date>
    ) async throws
        -> TripPeriodStatistics.Reservations
    {
        struct Row: Decodable {
            var status: String
            var reservation_count: Int
        }
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT r.status AS status, COUNT(*) AS reservation_count
            FROM trip_capacity_reservations r JOIN trips t ON t.id = r.trip_id
            WHERE t.traveler_id = \(bind: travelerId)
                AND t.departure_time >= \(bind: period.lowerBound) AND t.departure_time < \(bind: period.upperBound)
            GROUP BY r.status
            """
        ).all(decoding: Row.self)
        let counts = Dictionary(rows.map { ($0.status, $0.reservation_count) }, uniquingKeysWith: +)
        return TripPeriodStatistics.Reservations(
            held: counts[CapacityReservation.Status.held.rawValue] ?? 0,
            released: counts[CapacityReservation.Status.released.rawValue] ?? 0)
    }
}
