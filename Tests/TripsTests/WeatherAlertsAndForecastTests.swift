import Foundation
import Platform
import TestSupport
import Testing

@testable import Trips

@Suite("Trips: weather alerts and route forecasts")
struct WeatherAlertsAndForecastTests {
    @Test("a traveler's alerts list the coming trips with alerts; far and calm trips are not listed")
    func alerts() async throws {
        try await withTestApp { t in
            // setup
            t.app.weather = FakeWeatherProvider.storm(near: TripWeatherTests.paris, reading: TripWeatherTests.storm)
            let tina = try await t.signUp(userType: "traveler")
            let stormy = try await t.createTrip(for: tina)
            _ = try await t.createTrip(for: tina, t.tripBody(to: TestPlaces.berlin))
            _ = try await t.createTrip(for: tina, t.tripBody(departureInHours: 20 * 24))
            let tom = try await t.signUp(userType: "traveler")
            _ = try await t.createTrip(for: tom)
            // act
            let response = try await t.request(.GET, "/api/v1/trips/weather/alerts", token: tina.accessToken)
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response["data.checkedTrips"] as? Int == 2)
            #expect(response["data.unavailableTrips"] as? Int == 0)
            let trips = try #require(response["data.trips"] as? [[String: Any]])
            #expect(trips.map { $0["tripId"] as? String } == [stormy])
            #expect(trips.first?["travelConditions"] as? String == "severe")
            #expect((trips.first?["alerts"] as? [String])?.first == "Thunderstorm at destination")
        }
    }

    @Test("alerts count trips whose weather cannot be had, and are for travelers only")
    func alertsUnavailable() async throws {
        try await withTestApp { t in
            let provider = FakeWeatherProvider.calm()
            provider.fail(true)
            t.app.weather = provider
            let tina = try await t.signUp(userType: "traveler")
            _ = try await t.createTrip(for: tina)
            let response = try await t.request(.GET, "/api/v1/trips/weather/alerts", token: tina.accessToken)
            #expect(response.status == .ok)
            #expect(response["data.checkedTrips"] as? Int == 1)
            #expect(response["data.unavailableTrips"] as? Int == 1)
            #expect((response["data.trips"] as? [Any])?.isEmpty == true)
            let carl = try await t.signUp(userType: "customer")
            let customer = try await t.request(.GET, "/api/v1/trips/weather/alerts", token: carl.accessToken)
            #expect(customer.status == .forbidden)
        }
    }

    @Test("a route forecast covers the whole day at both ends")
    func forecast() async throws {
        try await withTestApp { t in
            t.app.weather = FakeWeatherProvider.storm(near: TripWeatherTests.paris, reading: TripWeatherTests.storm)
            let carl = try await t.signUp(userType: "customer")
            let date = String(t.isoTime(inHours: 48).prefix(10))
            let response = try await t.request(
                .POST, "/api/v1/trips/weather/forecast",
                json: [
                    "origin": ["lat": 51.5074, "lng": -0.1278], "destination": ["lat": 48.8566, "lng": 2.3522],
                    "date": date,
                ], token: carl.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.string("data.date") == date)
            #expect(response.string("data.travelConditions") == "severe")
            #expect((response["data.origin.hourly"] as? [Any])?.count == 24)
            #expect(response.string("data.origin.time") == "\(date)T12:00:00Z")
            #expect(response.string("data.origin.conditions") == "good")
            #expect((response["data.alerts"] as? [String])?.contains("Thunderstorm at destination") == true)
        }
    }

    @Test("route forecast 422s and 503")
    func forecastRefusals() async throws {
        try await withTestApp { t in
            let provider = FakeWeatherProvider.calm()
            t.app.weather = provider
            let carl = try await t.signUp(userType: "customer")
            func post(_ body: [String: Any]) async throws -> APIResponse {
                try await t.request(.POST, "/api/v1/trips/weather/forecast", json: body, token: carl.accessToken)
            }
            let empty = try await post([:])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.errors == ["origin is required", "destination is required", "date is required"])
            let yesterday = String(t.isoTime(inHours: -24).prefix(10))
            let wrong = try await post([
                "origin": ["lat": 95, "lng": 0], "destination": ["lat": 48.8, "lng": 2.3], "date": yesterday,
            ])
            #expect(
                wrong.errors == [
                    "origin must have lat in -90…90 and lng in -180…180", "date must be today or later",
                ])
            let garbled = try await post([
                "origin": ["lat": 51.5, "lng": 0], "destination": ["lat": 48.8, "lng": 2.3], "date": "20/11/2026",
            ])
            #expect(garbled.errors == ["date must be a calendar date such as 2026-11-20"])
            let far = try await post([
                "origin": ["lat": 51.5, "lng": 0], "destination": ["lat": 48.8, "lng": 2.3],
                "date": String(t.isoTime(inHours: 24 * 30).prefix(10)),
            ])
            #expect(far.string("data.travelConditions") == "unavailable")
            #expect(provider.callCount == 0)
            provider.fail(true)
            let down = try await post([
                "origin": ["lat": 51.5, "lng": 0], "destination": ["lat": 48.8, "lng": 2.3],
                "date": String(t.isoTime(inHours: 24).prefix(10)),
            ])
            #expect(down.status == .serviceUnavailable)
            #expect(down.code == "WEATHER_PROVIDER_UNAVAILABLE")
        }
    }
}
