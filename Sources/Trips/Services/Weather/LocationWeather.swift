import Foundation
import Logging
import Platform

/// The weather at one place around one moment, as `trip_weather` stores it for each end of a trip.
public struct LocationWeather: Codable, Sendable, Equatable {
    public var coordinates: GeoPoint
    /// The moment that matters: departure at the origin, arrival at the destination.
    public var time: Date
    public var windowStart: Date
    public var windowEnd: Date
    public var provider: String
    public var available: Bool
    public var unavailableReason: String?
    public var hourly: [WeatherSample]
    public var conditions: TravelConditions
    public var alerts: [String]

    /// The hour closest to `time`.
    public var nearest: WeatherSample? {
        hourly.min { abs($0.time.timeIntervalSince(time)) < abs($1.time.timeIntervalSince(time)) }
    }

    /// Whether this describes `point` at `moment` (a moved trip makes its cached weather wrong).
    func describes(_ point: GeoPoint, at moment: Date) -> Bool {
        abs(coordinates.lat - point.lat) < 1e-6 && abs(coordinates.lng - point.lng) < 1e-6
            && abs(time.timeIntervalSince(moment)) < 1
    }
}

/// Asks a provider about one place and judges the answer with `TravelConditionsRule`.
struct PlaceWeatherCheck {
    /// Hours either side of a departure or arrival that count: weather an hour after leaving still matters.
    static let window: TimeInterval = 3 * 3600

    let provider: any WeatherProvider
    let now: Date

    /// The weather `window` either side of `time`.
    func check(_ point: GeoPoint, around time: Date, place: String) async throws -> LocationWeather {
        try await check(point, from: time - Self.window, through: time + Self.window, focus: time, place: place)
    }

    /// The weather from `start` through `end`; `focus` is the moment the summary describes.
    func check(
        _ point: GeoPoint, from start: Date, through end: Date, focus: Date, place: String
    ) async throws
        -> LocationWeather
    {
        var weather = LocationWeather(
            coordinates: point, time: focus, windowStart: start, windowEnd: end, provider: provider.name,
            available: false, unavailableReason: nil, hourly: [], conditions: .unavailable, alerts: [])
        guard start <= now + provider.horizon else {
            weather.unavailableReason = "forecasts reach \(Int(provider.horizon / 86_400)) days ahead"
            return weather
        }
        switch try await provider.forecast(at: point, from: start, through: end) {
        case .unavailable(let reason):
            weather.unavailableReason = reason
        case .forecast(let samples) where samples.isEmpty:
            weather.unavailableReason = "the forecast has no hours in this window"
        case .forecast(let samples):
            weather.available = true
            weather.hourly = samples.sorted { $0.time < $1.time }
            weather.conditions = TravelConditionsRule.rate(samples)
            weather.alerts = TravelConditionsRule.alerts(samples, at: place)
        }
        return weather
    }
}

extension PlaceWeatherCheck {
    /// Both ends of a route over one whole UTC day, summarized at noon; a provider failure is a 503.
    func route(
        from origin: GeoPoint, to destination: GeoPoint, on day: Date, logger: Logger
    ) async throws
        -> RouteWeather
    {
        let (start, end, noon) = (day, day.addingTimeInterval(23 * 3600), day.addingTimeInterval(12 * 3600))
        do {
            async let from = check(origin, from: start, through: end, focus: noon, place: "origin")
            async let to = check(destination, from: start, through: end, focus: noon, place: "destination")
            return RouteWeather(origin: try await from, destination: try await to)
        } catch {
            logger.warning("route forecast failed: \(String(describing: error))")
            throw TripsError.weatherProviderFailed
        }
    }
}

/// Both ends of a journey and the verdict on it.
struct RouteWeather: Sendable {
    var origin: LocationWeather
    var destination: LocationWeather

    /// The worse end; `unavailable` only when neither end has a forecast.
    var conditions: TravelConditions { origin.conditions.worse(destination.conditions) }
    var alerts: [String] { origin.alerts + destination.alerts }
}
