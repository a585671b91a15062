import Fluent
import Platform
import Vapor

/// Weather for trips and routes: cached forecasts for both ends, travel conditions and alerts.
struct WeatherController: RouteCollection {
    /// Origin and destination coordinates and a day (`YYYY-MM-DD`, UTC, today or later).
    struct ForecastRequest: Content {
        var origin: GeoPoint?
        var destination: GeoPoint?
        var date: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let trips = routes.grouped("trips").grouped(RoleGuard.authenticated)
        trips.get(":tripId", "weather", use: show).doc("A trip's weather at departure and arrival, with alerts")
        trips.post(":tripId", "weather", "refresh", use: refresh).doc("Fetch a trip's weather again (its traveler)")
        trips.grouped(RoleGuard.traveler).get("weather", "alerts", use: alerts)
            .doc("Weather alerts for the signed-in traveler's coming trips")
        trips.post("weather", "forecast", use: forecast)
            .doc("The forecast for a route on a day", body: ForecastRequest.self)
        trips.get("weather", ":tripId", "detailed", use: detailed).doc("A trip's weather hour by hour")
    }

    /// `GET /trips/{tripId}/weather`
    @Sendable func show(req: Request) async throws -> Envelope<TripWeatherResponse> {
        let trip = try await TripService(context: req.callContext).visibleTrip(try req.tripId, to: try req.principal)
        let result = try await TripWeatherService(context: req.callContext).weather(for: trip, refresh: false)
        return Envelope(try TripWeatherResponse(result, trip: trip, detailed: false))
    }

    /// `POST /trips/{tripId}/weather/refresh`
    @Sendable func refresh(req: Request) async throws -> Envelope<TripWeatherResponse> {
        let trip = try await TripService(context: req.callContext).ownedTrip(
            try req.tripId, by: try req.principal, on: req.db)
        let result = try await TripWeatherService(context: req.callContext).weather(for: trip, refresh: true)
        return Envelope(try TripWeatherResponse(result, trip: trip, detailed: false), message: "Weather refreshed")
    }

    /// `GET /trips/weather/{tripId}/detailed`
    @Sendable func detailed(req: Request) async throws -> Envelope<TripWeatherResponse> {
        let trip = try await TripService(context: req.callContext).visibleTrip(try req.tripId, to: try req.principal)
        let result = try await TripWeatherService(context: req.callContext).weather(for: trip, refresh: false)
        return Envelope(try TripWeatherResponse(result, trip: trip, detailed: true))
    }

    /// `GET /trips/weather/alerts`
    @Sendable func alerts(req: Request) async throws -> Envelope<WeatherAlertsResponse> {
        let alerts = try await TravelerWeatherAlerts(weather: TripWeatherService(context: req.callContext))
            .alerts(for: try req.principal.userId)
        return Envelope(alerts)
    }

    /// `POST /trips/weather/forecast`
    @Sendable func forecast(req: Request) async throws -> Envelope<RouteForecastResponse> {
        let body = try req.content.decode(ForecastRequest.self)
        var check = RuleCheck()
        for (field, point) in [("origin", body.origin), ("destination", body.destination)] {
            if let point {
                check.require(point.isValid, "\(field) must have lat in -90…90 and lng in -180…180")
            } else {
                check.fail("\(field) is required")
            }
        }
        let day = body.date.flatMap(TextRules.calendarDate)
        if body.date == nil {
            check.fail("date is required")
        } else if let day {
            let today = Calendar.utc.startOfDay(for: req.now)
            check.require(day >= today, "date must be today or later")
        } else {
            check.fail("date must be a calendar date such as 2026-11-20")
        }
        try check.throwIfBroken()
        guard let origin = body.origin, let destination = body.destination, let day, let date = body.date else {
            throw APIError.validation(["origin, destination and date are required"])
        }
        let route = try await PlaceWeatherCheck(provider: req.application.weather, now: req.now)
            .route(from: origin, to: destination, on: day, logger: req.logger)
        return Envelope(RouteForecastResponse(date: date, route: route))
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, for day arithmetic on stored timestamps.
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }
}
