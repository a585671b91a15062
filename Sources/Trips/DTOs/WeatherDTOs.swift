import Foundation
import Platform
import Vapor

/// The weather at one end of a trip or route. `hourly` and `window` come with the detailed view only.
public struct PlaceWeatherResponse: Content, Sendable {
    /// One hour, rated by the travel-conditions rule.
    public struct Hour: Content, Sendable {
        public var time: Date
        public var temperatureC: Double?
        public var precipitationMm: Double?
        public var windSpeedKmh: Double?
        public var weatherCode: Int?
        public var description: String?
        public var conditions: TravelConditions
    }

    public struct Window: Content, Sendable {
        public var start: Date
        public var end: Date
    }

    public var coordinates: GeoPoint
    public var address: String?
    /// The moment described: departure at the origin, arrival at the destination.
    public var time: Date
    public var available: Bool
    /// Why there is no forecast, when `available` is false.
    public var reason: String?
    public var conditions: TravelConditions
    public var alerts: [String]
    /// The hour nearest `time`.
    public var temperatureC: Double?
    public var precipitationMm: Double?
    public var windSpeedKmh: Double?
    public var weatherCode: Int?
    public var description: String?
    public var window: Window?
    public var hourly: [Hour]?

    init(_ weather: LocationWeather, address: String?, detailed: Bool) {
        coordinates = weather.coordinates
        self.address = address
        time = weather.time
        available = weather.available
        reason = weather.unavailableReason
        conditions = weather.conditions
        alerts = weather.alerts
        let nearest = weather.nearest
        temperatureC = nearest?.temperatureC
        precipitationMm = nearest?.precipitationMm
        windSpeedKmh = nearest?.windSpeedKmh
        weatherCode = nearest?.weatherCode
        description = WeatherCode.describe(nearest?.weatherCode)
        if detailed {
            window = Window(start: weather.windowStart, end: weather.windowEnd)
            hourly = weather.hourly.map { sample in
                Hour(
                    time: sample.time, temperatureC: sample.temperatureC, precipitationMm: sample.precipitationMm,
                    windSpeedKmh: sample.windSpeedKmh, weatherCode: sample.weatherCode,
                    description: WeatherCode.describe(sample.weatherCode),
                    conditions: TravelConditionsRule.rate(sample))
            }
        }
    }
}

/// A trip's weather: both ends, the overall travel conditions and the alerts.
public struct TripWeatherResponse: Content, Sendable {
    public var tripId: UUID
    public var travelConditions: TravelConditions
    public var alerts: [String]
    public var origin: PlaceWeatherResponse
    public var destination: PlaceWeatherResponse
    public var provider: String
    public var fetchedAt: Date
    /// When the cached forecast will be fetched again.
    public var freshUntil: Date
    /// Served from the cache rather than fetched for this request.
    public var cached: Bool
    /// Past `freshUntil`, served because the weather service could not be reached.
    public var stale: Bool

    init(_ result: TripWeatherService.Result, trip: Trip, detailed: Bool) throws {
        let record = result.record
        tripId = try trip.requireID()
        travelConditions = record.travelConditions
        alerts = record.alerts
        origin = PlaceWeatherResponse(record.originWeather, address: trip.originAddress, detailed: detailed)
        destination = PlaceWeatherResponse(
            record.destinationWeather, address: trip.destinationAddress, detailed: detailed)
        provider = record.originWeather.provider
        fetchedAt = record.fetchedAt
        freshUntil = record.fetchedAt.addingTimeInterval(TripWeatherService.freshness)
        cached = result.cached
        stale = result.stale
    }
}

/// The forecast for a route on one day (`POST /trips/weather/forecast`).
public struct RouteForecastResponse: Content, Sendable {
    public var date: String
    public var travelConditions: TravelConditions
    public var alerts: [String]
    public var origin: PlaceWeatherResponse
    public var destination: PlaceWeatherResponse
    public var provider: String

    init(date: String, route: RouteWeather) {
        self.date = date
        travelConditions = route.conditions
        alerts = route.alerts
        origin = PlaceWeatherResponse(route.origin, address: nil, detailed: true)
        destination = PlaceWeatherResponse(route.destination, address: nil, detailed: true)
        provider = route.origin.provider
    }
}

/// The weather alerts of a traveler's coming trips (`GET /trips/weather/alerts`).
public struct WeatherAlertsResponse: Content, Sendable {
    public struct TripAlerts: Content, Sendable {
        public var tripId: UUID
        public var title: String
        public var departureTime: Date
        public var travelConditions: TravelConditions
        public var alerts: [String]
        public var fetchedAt: Date
    }

    /// Upcoming and active trips within the forecast horizon that were looked at.
    public var checkedTrips: Int
    /// Of those, how many had no forecast (provider offline or failing).
    public var unavailableTrips: Int
    /// The trips with at least one alert, soonest first.
    public var trips: [TripAlerts]
}
