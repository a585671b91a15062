import Foundation
import Platform
import Vapor

/// Hourly forecasts from Open-Meteo's forecast API (`/v1/forecast`, no key needed; self-hosted instances work
/// with another `baseURL`). Forecasts reach 16 days ahead.
public struct OpenMeteoWeatherProvider: WeatherProvider {
    public static let defaultBaseURL = "https://api.open-meteo.com/v1/forecast"
    static let hourlyVariables = "temperature_2m,precipitation,wind_speed_10m,weather_code"

    let client: any Client
    let baseURL: String

    public init(client: any Client, baseURL: String = OpenMeteoWeatherProvider.defaultBaseURL) {
        self.client = client
        self.baseURL = baseURL
    }

    public var name: String { "open-meteo" }
    public var horizon: TimeInterval { 16 * 24 * 3600 }

    public func forecast(at point: GeoPoint, from start: Date, through end: Date) async throws -> WeatherLookup {
        let url = Self.url(base: baseURL, point: point, from: start, through: end)
        let response: ClientResponse
        do {
            response = try await client.get(URI(string: url)) { $0.timeout = .seconds(10) }
        } catch {
            throw WeatherProviderError("open-meteo could not be reached: \(error)")
        }
        let body = response.body.map { Data($0.readableBytesView) } ?? Data()
        guard response.status == .ok else {
            // Open-Meteo explains refusals as `{ "error": true, "reason": "…" }`.
            let reason = (try? JSONDecoder().decode(OpenMeteoRefusal.self, from: body))?.reason ?? "no reason given"
            throw WeatherProviderError("open-meteo answered \(response.status.code): \(reason)")
        }
        let samples = try Self.decode(body)
        return .forecast(samples.filter { $0.time >= start && $0.time <= end })
    }

    /// The request for whole UTC days from `start` to `end`, in GMT so every time comes back in UTC.
    static func url(base: String, point: GeoPoint, from start: Date, through end: Date) -> String {
        let coordinate = { (value: Double) in String(format: "%.4f", value) }
        return "\(base)?latitude=\(coordinate(point.lat))&longitude=\(coordinate(point.lng))"
            + "&hourly=\(hourlyVariables)&start_date=\(day(start))&end_date=\(day(end))&timezone=GMT"
    }

    /// The samples of an Open-Meteo forecast body, in time order.
    public static func decode(_ data: Data) throws -> [WeatherSample] {
        let forecast: OpenMeteoForecast
        do {
            forecast = try JSONDecoder().decode(OpenMeteoForecast.self, from: data)
        } catch {
            throw WeatherProviderError("open-meteo answered something unreadable: \(error)")
        }
        let hourly = forecast.hourly
        let count = hourly.time.count
        for (name, values) in [
            ("temperature_2m", hourly.temperature2m?.count), ("precipitation", hourly.precipitation?.count),
            ("wind_speed_10m", hourly.windSpeed10m?.count), ("weather_code", hourly.weatherCode?.count),
        ] where values != nil && values != count {
            throw WeatherProviderError("open-meteo hourly \(name) has \(values ?? 0) values for \(count) times")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return try hourly.time.indices.map { index in
            guard let local = formatter.date(from: hourly.time[index]) else {
                throw WeatherProviderError("open-meteo time \(hourly.time[index]) is not yyyy-MM-ddTHH:mm")
            }
            // Times are local to the requested timezone; the offset brings them back to UTC.
            return WeatherSample(
                time: local.addingTimeInterval(-Double(forecast.utcOffsetSeconds ?? 0)),
                temperatureC: hourly.temperature2m?[index] ?? nil,
                precipitationMm: hourly.precipitation?[index] ?? nil,
                windSpeedKmh: hourly.windSpeed10m?[index] ?? nil,
                weatherCode: (hourly.weatherCode?[index] ?? nil).map { Int($0.rounded()) })
        }
    }

    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

/// The parts of Open-Meteo's forecast body the platform reads (units are the defaults: °C, mm, km/h).
struct OpenMeteoForecast: Decodable {
    struct Hourly: Decodable {
        var time: [String]
        var temperature2m: [Double?]?
        var precipitation: [Double?]?
        var windSpeed10m: [Double?]?
        /// Numbers in the JSON; read as `Double` so `3.0` and `3` both work.
        var weatherCode: [Double?]?

        enum CodingKeys: String, CodingKey {
            case time, precipitation
            case temperature2m = "temperature_2m"
            case windSpeed10m = "wind_speed_10m"
            case weatherCode = "weather_code"
        }
    }

    var latitude: Double
    var longitude: Double
    var utcOffsetSeconds: Int?
    var hourly: Hourly

    enum CodingKeys: String, CodingKey {
        case latitude, longitude, hourly
        case utcOffsetSeconds = "utc_offset_seconds"
    }
}

/// Open-Meteo's error body.
struct OpenMeteoRefusal: Decodable {
    var error: Bool
    var reason: String
}
