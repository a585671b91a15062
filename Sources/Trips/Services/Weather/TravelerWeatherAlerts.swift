import Fluent
import Foundation
import Platform

/// The alerts of a traveler's coming trips, each read through the trip weather cache.
struct TravelerWeatherAlerts {
    /// At most this many trips are looked at per call, soonest first, to bound provider calls.
    static let maxTrips = 20

    let weather: TripWeatherService

    func alerts(for travelerId: UUID) async throws -> WeatherAlertsResponse {
        let now = weather.now
        let trips = try await Trip.query(on: weather.db)
            .filter(\.$traveler.$id == travelerId)
            .filter(\.$status ~~ [.upcoming, .active])
            .filter(\.$arrivalTime >= now)
            .filter(\.$departureTime <= now.addingTimeInterval(weather.provider.horizon))
            .sort(\.$departureTime).sort(\.$id).limit(Self.maxTrips).all()
        var unavailable = 0
        var withAlerts: [WeatherAlertsResponse.TripAlerts] = []
        for trip in trips {
            let record: TripWeather
            do {
                record = try await weather.weather(for: trip, refresh: false).record
            } catch TripsError.weatherProviderFailed {
                // One trip's failure must not hide the others' alerts.
                unavailable += 1
                continue
            }
            if record.travelConditions == .unavailable { unavailable += 1 }
            guard !record.alerts.isEmpty else { continue }
            withAlerts.append(
                WeatherAlertsResponse.TripAlerts(
                    tripId: try trip.requireID(), title: trip.title, departureTime: trip.departureTime,
                    travelConditions: record.travelConditions, alerts: record.alerts, fetchedAt: record.fetchedAt))
        }
        return WeatherAlertsResponse(checkedTrips: trips.count, unavailableTrips: unavailable, trips: withAlerts)
    }
}
