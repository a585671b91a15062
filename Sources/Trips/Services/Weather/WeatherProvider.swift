import Foundation
import Platform
import Vapor

/// A source of hourly weather forecasts for a point (Open-Meteo, an offline stand-in, a test double).
public protocol WeatherProvider: Sendable {
    /// Short name shown beside the data it produced (`open-meteo`, `unavailable`).
    var name: String { get }
    /// How far ahead its forecasts reach; later times are answered "unavailable" without asking it.
    var horizon: TimeInterval { get }
    /// Hourly samples at `point` covering `start...end` (UTC). `.unavailable` when the provider has nothing to
    /// say; a thrown error when it failed (network, HTTP status, unreadable answer).
    func forecast(at point: GeoPoint, from start: Date, through end: Date) async throws -> WeatherLookup
}

/// What a provider answered.
public enum WeatherLookup: Sendable, Equatable {
    case forecast([WeatherSample])
    case unavailable(reason: String)
}

/// One hour of weather. Any value may be missing: providers leave gaps.
public struct WeatherSample: Codable, Sendable, Equatable {
    public var time: Date
    public var temperatureC: Double?
    /// Millimetres in the preceding hour.
    public var precipitationMm: Double?
    /// Wind speed 10 m above ground.
    public var windSpeedKmh: Double?
    /// WMO weather interpretation code (0 clear … 99 thunderstorm with hail).
    public var weatherCode: Int?

    public init(
        time: Date, temperatureC: Double?, precipitationMm: Double?, windSpeedKmh: Double?, weatherCode: Int?
    ) {
        self.time = time
        self.temperatureC = temperatureC
        self.precipitationMm = precipitationMm
        self.windSpeedKmh = windSpeedKmh
        self.weatherCode = weatherCode
    }
}

/// Why a provider failed; the routes answer 503 (or serve a stale cached forecast).
public struct WeatherProviderError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Application {
    private struct WeatherKey: StorageKey {
        typealias Value = any WeatherProvider
    }

    /// The weather provider: chosen by `WEATHER_PROVIDER` at boot, replaceable (tests install their own).
    public var weather: any WeatherProvider {
        get { storage[WeatherKey.self] ?? UnavailableWeatherProvider() }
        set { storage[WeatherKey.self] = newValue }
    }
}

/// Reads `WEATHER_PROVIDER`: unset, empty or `none` → offline; `open-meteo` → Open-Meteo's public API.
enum WeatherProviderSetting {
    static func provider(named value: String?, client: @autoclosure () -> any Client) throws -> any WeatherProvider {
        switch value?.trimmingCharacters(in: .whitespaces).lowercased() ?? "" {
        case "", "none": return UnavailableWeatherProvider()
        case "open-meteo": return OpenMeteoWeatherProvider(client: client())
        case let other:
            throw Abort(.internalServerError, reason: "WEATHER_PROVIDER must be open-meteo or none, not \(other)")
        }
    }
}

extension CallContext {
    /// The weather provider installed at boot.
    var weather: any WeatherProvider { application.weather }
}
