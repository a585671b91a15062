import Foundation
import Platform
import Testing
import Vapor

@testable import Trips

@Suite("Trips: the Open-Meteo adapter, against a recorded response")
struct OpenMeteoWeatherProviderTests {
    static let berlin = GeoPoint(lat: 52.52, lng: 13.41)

    static func utc(_ text: String) throws -> Date {
        try #require(ISOTimestamp.parse(text))
    }

    @Test("the recorded forecast decodes hour by hour, gaps staying gaps")
    func decodes() throws {
        // act
        let samples = try OpenMeteoWeatherProvider.decode(Data(OpenMeteoFixture.berlinForecast.utf8))
        // assert
        #expect(samples.count == 24)
        #expect(samples.first?.time == (try Self.utc("2026-11-20T00:00:00Z")))
        let storm = samples[15]
        #expect(storm.time == (try Self.utc("2026-11-20T15:00:00Z")))
        #expect(storm.temperatureC == 9.8)
        #expect(storm.precipitationMm == 6.8)
        #expect(storm.windSpeedKmh == 56.2)
        #expect(storm.weatherCode == 95)
        #expect(samples[20].precipitationMm == nil)
        #expect(samples[20].temperatureC == 6.2)
    }

    @Test("local times are brought back to UTC with utc_offset_seconds")
    func offset() throws {
        let shifted = OpenMeteoFixture.berlinForecast
            .replacingOccurrences(of: "\"utc_offset_seconds\": 0", with: "\"utc_offset_seconds\": 3600")
        let samples = try OpenMeteoWeatherProvider.decode(Data(shifted.utf8))
        #expect(samples.first?.time == (try Self.utc("2026-11-19T23:00:00Z")))
    }

    @Test("a body whose arrays disagree in length is refused, not half-read")
    func mismatched() throws {
        let broken = OpenMeteoFixture.berlinForecast.replacingOccurrences(
            of: "3, 3, 3, 2, 2, 3, 51", with: "3, 3, 2, 2, 3, 51")
        #expect(throws: WeatherProviderError.self) { try OpenMeteoWeatherProvider.decode(Data(broken.utf8)) }
        #expect(throws: WeatherProviderError.self) { try OpenMeteoWeatherProvider.decode(Data("<html>".utf8)) }
    }

    @Test("it asks for the documented variables over whole UTC days and keeps the hours of the window")
    func request() async throws {
        // setup
        let client = RecordingClient(
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), body: OpenMeteoFixture.berlinForecast)
        let provider = OpenMeteoWeatherProvider(client: client)
        // act
        let lookup = try await provider.forecast(
            at: Self.berlin, from: try Self.utc("2026-11-20T14:00:00Z"), through: try Self.utc("2026-11-20T16:00:00Z"))
        // assert
        #expect(
            client.requests.map(\.url.string) == [
                "https://api.open-meteo.com/v1/forecast?latitude=52.5200&longitude=13.4100"
                    + "&hourly=temperature_2m,precipitation,wind_speed_10m,weather_code"
                    + "&start_date=2026-11-20&end_date=2026-11-20&timezone=GMT"
            ])
        #expect(client.requests.first?.method == .GET)
        guard case .forecast(let samples) = lookup else {
            Issue.record("expected a forecast, got \(lookup)")
            return
        }
        #expect(samples.map(\.weatherCode) == [80, 95, 81])
    }

    @Test("a refusal from Open-Meteo is an error carrying its reason")
    func refusal() async throws {
        let client = RecordingClient(
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), status: .badRequest,
            body: OpenMeteoFixture.outOfRange)
        let provider = OpenMeteoWeatherProvider(client: client)
        let error = await #expect(throws: WeatherProviderError.self) {
            try await provider.forecast(at: Self.berlin, from: Date(), through: Date())
        }
        #expect(error?.description.contains("400") == true)
        #expect(error?.description.contains("out of allowed range") == true)
    }

    @Test("WEATHER_PROVIDER picks the provider; unset means offline; an unknown value stops the boot")
    func setting() throws {
        let client = RecordingClient(eventLoop: MultiThreadedEventLoopGroup.singleton.next(), body: "{}")
        #expect(try WeatherProviderSetting.provider(named: nil, client: client).name == "unavailable")
        #expect(try WeatherProviderSetting.provider(named: "none", client: client).name == "unavailable")
        #expect(try WeatherProviderSetting.provider(named: "Open-Meteo", client: client).name == "open-meteo")
        #expect(throws: (any Error).self) { try WeatherProviderSetting.provider(named: "darksky", client: client) }
    }
}

@Suite("Trips: travel conditions rule")
struct TravelConditionsRuleTests {
    static func sample(code: Int = 1, rain: Double = 0, wind: Double = 10, temperature: Double = 15) -> WeatherSample {
        WeatherSample(
            time: Date(timeIntervalSince1970: 0), temperatureC: temperature, precipitationMm: rain,
            windSpeedKmh: wind, weatherCode: code)
    }

    @Test("each hour is rated by its worst reading, at the documented thresholds")
    func thresholds() {
        let cases: [(WeatherSample, TravelConditions)] = [
            (Self.sample(), .good),
            (Self.sample(code: 45), .fair), (Self.sample(rain: 0.5), .fair), (Self.sample(wind: 30), .fair),
            (Self.sample(code: 65), .poor), (Self.sample(code: 66), .poor), (Self.sample(code: 75), .poor),
            (Self.sample(rain: 4), .poor), (Self.sample(wind: 50), .poor), (Self.sample(temperature: 35), .poor),
            (Self.sample(temperature: -10), .poor),
            (Self.sample(code: 95), .severe), (Self.sample(rain: 10), .severe), (Self.sample(wind: 75), .severe),
            (Self.sample(temperature: 40), .severe), (Self.sample(temperature: -20), .severe),
        ]
        for (sample, expected) in cases {
            #expect(TravelConditionsRule.rate(sample) == expected, "\(sample)")
        }
        #expect(TravelConditionsRule.rate([]) == .unavailable)
        #expect(TravelConditionsRule.rate([Self.sample(), Self.sample(wind: 55), Self.sample(code: 61)]) == .poor)
    }

    @Test("alerts name the kind, the place and the worst value, once per kind")
    func alerts() throws {
        let samples = try OpenMeteoWeatherProvider.decode(Data(OpenMeteoFixture.berlinForecast.utf8))
        let afternoon = Array(samples[13...17])
        #expect(TravelConditionsRule.rate(afternoon) == .severe)
        #expect(
            TravelConditionsRule.alerts(afternoon, at: "origin") == [
                "Thunderstorm at origin", "Heavy rain at origin (up to 6.8 mm/h)",
                "Strong wind at origin (up to 56.2 km/h)",
            ])
        let morning = Array(samples[0...5])
        #expect(TravelConditionsRule.rate(morning) == .good)
        #expect(TravelConditionsRule.alerts(morning, at: "origin").isEmpty)
        let winter = [Self.sample(code: 75, temperature: -12), Self.sample(code: 96, temperature: -14)]
        #expect(
            TravelConditionsRule.alerts(winter, at: "destination") == [
                "Thunderstorm with hail at destination", "Heavy snow at destination",
                "Extreme cold at destination (down to -14 °C)",
            ])
    }
}
