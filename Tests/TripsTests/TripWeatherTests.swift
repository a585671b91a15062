import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@testable import Trips

@Suite("Trips: weather of a trip")
struct TripWeatherTests {
    static let paris = GeoPoint(lat: 48.8566, lng: 2.3522)

    /// Thunderstorm, 8 mm/h and 62 km/h wind.
    static let storm: @Sendable (Date) -> WeatherSample = { time in
        WeatherSample(time: time, temperatureC: 21, precipitationMm: 8, windSpeedKmh: 62, weatherCode: 95)
    }

    @Test("without a provider the trip's weather is unavailable, with the reason, and cached")
    func offline() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            // act
            let first = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            let second = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            // assert
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.string("data.travelConditions") == "unavailable")
            #expect(first["data.alerts"] as? [String] == [])
            #expect(first["data.origin.available"] as? Bool == false)
            #expect(first.string("data.origin.reason")?.contains("WEATHER_PROVIDER") == true)
            #expect(first.string("data.provider") == "unavailable")
            #expect(first["data.cached"] as? Bool == false)
            #expect(second["data.cached"] as? Bool == true)
            #expect(try await TripWeather.query(on: t.app.db).count() == 1)
        }
    }

    @Test("a forecast is judged per end, cached for three hours, then fetched again")
    func caching() async throws {
        try await withTestApp { t in
            // setup
            let provider = FakeWeatherProvider.storm(near: Self.paris, reading: Self.storm)
            t.app.weather = provider
            var tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            // act
            let first = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            // assert
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.string("data.travelConditions") == "severe")
            #expect(
                first["data.alerts"] as? [String] == [
                    "Thunderstorm at destination", "Heavy rain at destination (up to 8 mm/h)",
                    "Strong wind at destination (up to 62 km/h)",
                ])
            #expect(first.string("data.origin.conditions") == "good")
            #expect(first["data.origin.temperatureC"] as? Double == 18)
            #expect(first.string("data.origin.description") == "Partly cloudy")
            #expect(first.string("data.origin.address") == "London, United Kingdom")
            #expect(first.string("data.destination.conditions") == "severe")
            #expect(first.string("data.destination.description") == "Thunderstorm")
            #expect(first["data.origin.hourly"] == nil)
            #expect(first.string("data.fetchedAt") == t.isoTime(inHours: 0))
            #expect(first.string("data.freshUntil") == t.isoTime(inHours: 3))
            #expect(provider.callCount == 2)

            t.clock.advance(by: 2 * 3600)
            tina = try await t.logIn(tina)
            let cached = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            #expect(cached["data.cached"] as? Bool == true)
            #expect(provider.callCount == 2)

            t.clock.advance(by: 3600)
            tina = try await t.logIn(tina)
            let fetched = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            #expect(fetched["data.cached"] as? Bool == false)
            #expect(fetched.string("data.fetchedAt") == t.isoTime(inHours: 0))
            #expect(provider.callCount == 4)
            #expect(try await TripWeather.query(on: t.app.db).count() == 1)
            let row = try #require(try await TripWeather.query(on: t.app.db).first())
            #expect(row.travelConditions == .severe)
            #expect(row.alerts.count == 3)
        }
    }

    @Test("moving the trip makes its cached weather wrong, so it is fetched again at once")
    func moved() async throws {
        try await withTestApp { t in
            let provider = FakeWeatherProvider.calm()
            t.app.weather = provider
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            _ = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            let moved = try await t.request(
                .PUT, "/api/v1/trips/\(tripId)", json: t.schedule(inHours: 72), token: tina.accessToken)
            #expect(moved.status == .ok, "\(moved.text)")
            let again = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            #expect(again["data.cached"] as? Bool == false)
            #expect(again.string("data.origin.time") == t.isoTime(inHours: 72))
            #expect(provider.callCount == 4)
        }
    }

    @Test("refresh fetches even a fresh forecast, for the trip's traveler only")
    func refresh() async throws {
        try await withTestApp { t in
            let provider = FakeWeatherProvider.calm()
            t.app.weather = provider
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            _ = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tina.accessToken)
            let refreshed = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/weather/refresh", token: tina.accessToken)
            #expect(refreshed.status == .ok)
            #expect(refreshed.json["message"] as? String == "Weather refreshed")
            #expect(refreshed["data.cached"] as? Bool == false)
            #expect(provider.callCount == 4)
            let notYours = try await t.request(.POST, "/api/v1/trips/\(tripId)/weather/refresh", token: tom.accessToken)
            #expect(notYours.status == .forbidden)
            #expect(notYours.code == "NOT_TRIP_OWNER")
            // Anyone who can see the trip can read its weather.
            let read = try await t.request(.GET, "/api/v1/trips/\(tripId)/weather", token: tom.accessToken)
            #expect(read.status == .ok)
        }
    }

    @Test("when the provider fails: a stale forecast is served on read, refresh and first reads answer 503")
    func providerDown() async throws {
        try await withTestApp { t in
            // setup
            let provider = FakeWeatherProvider.calm()
            t.app.weather = provider
            var tina = try await t.signUp(userType: "traveler")
            let fetchedOnce = try await t.createTrip(for: tina)
            let neverFetched = try await t.createTrip(for: tina)
            _ = try await t.request(.GET, "/api/v1/trips/\(fetchedOnce)/weather", token: tina.accessToken)
            t.clock.advance(by: 4 * 3600)
            tina = try await t.logIn(tina)
            provider.fail(true)
            // act
            let stale = try await t.request(.GET, "/api/v1/trips/\(fetchedOnce)/weather", token: tina.accessToken)
            let refresh = try await t.request(
                .POST, "/api/v1/trips/\(fetchedOnce)/weather/refresh", token: tina.accessToken)
            let first = try await t.request(.GET, "/api/v1/trips/\(neverFetched)/weather", token: tina.accessToken)
            // assert
            #expect(stale.status == .ok)
            #expect(stale["data.stale"] as? Bool == true)
            #expect(stale.string("data.travelConditions") == "good")
            #expect(stale.string("data.fetchedAt") == t.isoTime(inHours: -4))
            for response in [refresh, first] {
                #expect(response.status == .serviceUnavailable)
                #expect(response.code == "WEATHER_PROVIDER_UNAVAILABLE")
            }
        }
    }

    @Test("weather is for live trips the caller can see; trips beyond the forecast horizon are unavailable")
    func refusals() async throws {
        try await withTestApp { t in
            let provider = FakeWeatherProvider.calm()
            t.app.weather = provider
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let cancelled = try await t.createTrip(for: tina)
            let cancel = try await t.request(
                .POST, "/api/v1/trips/\(cancelled)/cancel", json: ["reason": "Plans changed"], token: tina.accessToken)
            #expect(cancel.status == .ok)
            let notLive = try await t.request(.GET, "/api/v1/trips/\(cancelled)/weather", token: tina.accessToken)
            #expect(notLive.status == .conflict)
            #expect(notLive.code == "TRIP_NOT_LIVE")
            let hidden = try await t.createTrip(for: tina, t.tripBody(overrides: ["visibility": "private"]))
            let notFound = try await t.request(.GET, "/api/v1/trips/weather/\(hidden)/detailed", token: tom.accessToken)
            #expect(notFound.status == .notFound)
            #expect(notFound.code == "TRIP_NOT_FOUND")
            let far = try await t.createTrip(for: tina, t.tripBody(departureInHours: 20 * 24))
            let later = try await t.request(.GET, "/api/v1/trips/\(far)/weather", token: tina.accessToken)
            #expect(later.string("data.travelConditions") == "unavailable")
            #expect(later.string("data.origin.reason") == "forecasts reach 16 days ahead")
            #expect(provider.callCount == 0)
        }
    }

    @Test("the detailed view gives every hour of both windows, each rated")
    func detailed() async throws {
        try await withTestApp { t in
            t.app.weather = FakeWeatherProvider.storm(near: Self.paris, reading: Self.storm)
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            let response = try await t.request(
                .GET, "/api/v1/trips/weather/\(tripId)/detailed", token: tina.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            let departure = t.clock.now().addingTimeInterval(48 * 3600)
            let window = (departure - 3 * 3600)...(departure + 3 * 3600)
            let firstHour = (window.lowerBound.timeIntervalSince1970 / 3600).rounded(.up) * 3600
            let wholeHours = Array(stride(from: firstHour, through: window.upperBound.timeIntervalSince1970, by: 3600))
                .count
            let origin = try #require(response["data.origin.hourly"] as? [[String: Any]])
            let destination = try #require(response["data.destination.hourly"] as? [[String: Any]])
            #expect(origin.count == wholeHours)
            #expect(origin.allSatisfy { $0["conditions"] as? String == "good" })
            #expect(destination.allSatisfy { $0["conditions"] as? String == "severe" })
            #expect(destination.first?["description"] as? String == "Thunderstorm")
            #expect(response.string("data.origin.window.start") == t.isoTime(inHours: 45))
            #expect(response.string("data.origin.window.end") == t.isoTime(inHours: 51))
        }
    }
}
