import Foundation
import Platform

/// The offline default: it never calls out and answers every question "unavailable", so a platform without
/// network access or without a configured provider still serves trips, with travel conditions `unavailable`.
public struct UnavailableWeatherProvider: WeatherProvider {
    public init() {}

    public var name: String { "unavailable" }
    public var horizon: TimeInterval { 16 * 24 * 3600 }

    public func forecast(at point: GeoPoint, from start: Date, through end: Date) async throws -> WeatherLookup {
        .unavailable(reason: "no weather provider is configured (set WEATHER_PROVIDER=open-meteo)")
    }
}
