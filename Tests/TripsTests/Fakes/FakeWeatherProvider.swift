import Foundation
import Platform
import Trips

/// A weather provider for tests: hourly samples computed by `weather` for every hour of the window asked,
/// a call counter, and a switch to make it fail.
final class FakeWeatherProvider: WeatherProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private var failing = false
    private let weather: @Sendable (GeoPoint, Date) -> WeatherSample

    init(weather: @escaping @Sendable (GeoPoint, Date) -> WeatherSample) {
        self.weather = weather
    }

    /// The same calm weather everywhere: 18 °C, dry, light wind, partly cloudy.
    static func calm() -> FakeWeatherProvider {
        FakeWeatherProvider { _, time in
            WeatherSample(time: time, temperatureC: 18, precipitationMm: 0, windSpeedKmh: 12, weatherCode: 2)
        }
    }

    /// Calm weather, except `reading` at points within 50 km of `point`.
    static func storm(near point: GeoPoint, reading: @escaping @Sendable (Date) -> WeatherSample) -> FakeWeatherProvider
    {
        FakeWeatherProvider { location, time in
            location.distanceKm(to: point) < 50
                ? reading(time)
                : WeatherSample(time: time, temperatureC: 18, precipitationMm: 0, windSpeedKmh: 12, weatherCode: 2)
        }
    }

    var name: String { "fake" }
    var horizon: TimeInterval { 16 * 24 * 3600 }

    var callCount: Int { lock.withLock { calls } }

    func fail(_ value: Bool) {
        lock.withLock { failing = value }
    }

    func forecast(at point: GeoPoint, from start: Date, through end: Date) async throws -> WeatherLookup {
        let shouldFail = lock.withLock {
            calls += 1
            return failing
        }
        if shouldFail { throw WeatherProviderError("fake provider is down") }
        var samples: [WeatherSample] = []
        var hour = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 3600).rounded(.up) * 3600)
        while hour <= end {
            samples.append(weather(point, hour))
            hour += 3600
        }
        return .forecast(samples)
    }
}
