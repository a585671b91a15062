import Foundation
import Platform
import Testing

@testable import Trips

@Suite("Unit: travel conditions from the weather")
struct TravelConditionsRuleUnitTests {
    static func hour(
        temperature: Double? = 15, rain: Double? = 0, wind: Double? = 5, code: Int? = 0, at hours: Double = 0
    ) -> WeatherSample {
        WeatherSample(
            time: Date(timeIntervalSince1970: 1_800_000_000 + hours * 3600), temperatureC: temperature,
            precipitationMm: rain, windSpeedKmh: wind, weatherCode: code)
    }

    /// One hour's reading and its rating, with each threshold met exactly and missed by a hair.
    static let readings: [(WeatherSample, TravelConditions)] = [
        (hour(), .good),
        (hour(temperature: nil, rain: nil, wind: nil, code: nil), .good),
        (hour(wind: 29.9), .good), (hour(wind: 30), .fair), (hour(wind: 49.9), .fair), (hour(wind: 50), .poor),
        (hour(wind: 74.9), .poor), (hour(wind: 75), .severe),
        (hour(rain: 0.4), .good), (hour(rain: 0.5), .fair), (hour(rain: 3.9), .fair), (hour(rain: 4), .poor),
        (hour(rain: 9.9), .poor), (hour(rain: 10), .severe),
        (hour(temperature: -9.9), .good), (hour(temperature: -10), .poor), (hour(temperature: -19.9), .poor),
        (hour(temperature: -20), .severe), (hour(temperature: 34.9), .good), (hour(temperature: 35), .poor),
        (hour(temperature: 39.9), .poor), (hour(temperature: 40), .severe),
        (hour(code: 95), .severe), (hour(code: 96), .severe), (hour(code: 99), .severe),
        (hour(code: 56), .poor), (hour(code: 67), .poor), (hour(code: 65), .poor), (hour(code: 82), .poor),
        (hour(code: 75), .poor), (hour(code: 86), .poor),
        (hour(code: 45), .fair), (hour(code: 51), .fair), (hour(code: 61), .fair), (hour(code: 80), .fair),
        (hour(code: 71), .fair), (hour(code: 85), .fair), (hour(code: 3), .good),
        (hour(wind: 35, code: 95), .severe),  // the worst reading of the hour decides
    ]

    @Test("each hour is rated by its worst reading", arguments: readings)
    func rating(sample: WeatherSample, expected: TravelConditions) {
        #expect(TravelConditionsRule.rate(sample) == expected)
    }

    @Test("an hour raises alerts exactly when it is poor or severe", arguments: readings)
    func alertsMatchRating(sample: WeatherSample, expected: TravelConditions) {
        let alerts = TravelConditionsRule.alerts([sample], at: "origin")
        #expect(alerts.isEmpty == ![.poor, .severe].contains(expected), "\(alerts)")
    }

    @Test("a place is rated by its worst hour; no hours at all is unavailable")
    func worstHour() {
        #expect(TravelConditionsRule.rate([Self.hour(), Self.hour(rain: 1, at: 1), Self.hour(at: 2)]) == .fair)
        #expect(TravelConditionsRule.rate([Self.hour(wind: 80), Self.hour(rain: 5, at: 1)]) == .severe)
        #expect(TravelConditionsRule.rate([]) == .unavailable)
    }

    @Test("one alert per kind and place, quoting the worst value")
    func alertText() {
        let hours = [
            Self.hour(temperature: 36, wind: 55, code: 95), Self.hour(temperature: 38.5, rain: 6, wind: 62.5, at: 1),
            Self.hour(rain: 4.2, wind: 51, code: 75, at: 2),
        ]
        #expect(
            TravelConditionsRule.alerts(hours, at: "destination") == [
                "Thunderstorm at destination", "Heavy rain at destination (up to 6 mm/h)",
                "Heavy snow at destination", "Strong wind at destination (up to 62.5 km/h)",
                "Extreme heat at destination (up to 38.5 °C)",
            ])
        #expect(
            TravelConditionsRule.alerts([Self.hour(temperature: -12, code: 99)], at: "origin") == [
                "Thunderstorm with hail at origin", "Extreme cold at origin (down to -12 °C)",
            ])
    }
}
