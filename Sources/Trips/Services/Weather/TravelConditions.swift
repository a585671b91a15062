import Foundation

/// How the weather affects travel (`trip_weather.travel_conditions`), worst last; `unavailable` when there was
/// no forecast to judge.
public enum TravelConditions: String, Codable, Sendable, CaseIterable {
    case good, fair, poor, severe, unavailable

    /// Severity order for the worst-of rule; `unavailable` is not a severity.
    var rank: Int {
        switch self {
        case .unavailable: -1
        case .good: 0
        case .fair: 1
        case .poor: 2
        case .severe: 3
        }
    }

    /// The worse of two judgements; a judgement always beats `unavailable`.
    func worse(_ other: TravelConditions) -> TravelConditions {
        other.rank > rank ? other : self
    }
}

/// The rule that turns hourly samples into travel conditions and alerts. Each sample is rated by its worst
/// reading; a place is rated by its worst sample; a trip by its worse end.
///
/// | rating | weather code (WMO) | wind km/h | rain mm/h | temperature °C |
/// |---|---|---|---|---|
/// | severe | 95, 96, 99 (thunderstorm) | ≥ 75 | ≥ 10 | ≤ −20 or ≥ 40 |
/// | poor | 56, 57, 66, 67 (freezing), 65, 82 (heavy rain), 75, 86 (heavy snow) | ≥ 50 | ≥ 4 | ≤ −10 or ≥ 35 |
/// | fair | 45, 48 (fog), 51–55 (drizzle), 61, 63, 80, 81 (rain), 71, 73, 77, 85 (snow) | ≥ 30 | ≥ 0.5 | |
/// | good | anything else | | | |
///
/// Every poor or severe reading raises an alert (thunderstorm, freezing rain, heavy rain, heavy snow, strong
/// wind, extreme heat, extreme cold), once per kind and place, quoting the worst value; so a trip has alerts
/// exactly when it is rated poor or severe.
public enum TravelConditionsRule {
    static let thunderstormCodes: Set<Int> = [95, 96, 99]
    static let freezingCodes: Set<Int> = [56, 57, 66, 67]
    static let heavyRainCodes: Set<Int> = [65, 82]
    static let heavySnowCodes: Set<Int> = [75, 86]
    static let fairCodes: Set<Int> = [45, 48, 51, 53, 55, 61, 63, 71, 73, 77, 80, 81, 85]

    static let severeWindKmh = 75.0, strongWindKmh = 50.0, breezyKmh = 30.0
    static let severeRainMm = 10.0, heavyRainMm = 4.0, wetMm = 0.5
    static let severeColdC = -20.0, extremeColdC = -10.0, extremeHeatC = 35.0, severeHeatC = 40.0

    /// The rating of one hour.
    public static func rate(_ sample: WeatherSample) -> TravelConditions {
        let code = sample.weatherCode ?? 0
        let wind = sample.windSpeedKmh ?? 0
        let rain = sample.precipitationMm ?? 0
        let temperature = sample.temperatureC ?? 15
        if thunderstormCodes.contains(code) || wind >= severeWindKmh || rain >= severeRainMm
            || temperature <= severeColdC || temperature >= severeHeatC
        {
            return .severe
        }
        if freezingCodes.contains(code) || heavyRainCodes.contains(code) || heavySnowCodes.contains(code)
            || wind >= strongWindKmh || rain >= heavyRainMm || temperature <= extremeColdC
            || temperature >= extremeHeatC
        {
            return .poor
        }
        if fairCodes.contains(code) || wind >= breezyKmh || rain >= wetMm { return .fair }
        return .good
    }

    /// The rating of a place over its samples: its worst hour, `unavailable` without samples.
    public static func rate(_ samples: [WeatherSample]) -> TravelConditions {
        samples.map(rate).reduce(TravelConditions.unavailable) { $0.worse($1) }
    }

    /// The alerts of `samples` at `place` ("origin", "destination"), one per kind, worst value quoted.
    public static func alerts(_ samples: [WeatherSample], at place: String) -> [String] {
        let codes = Set(samples.compactMap(\.weatherCode))
        let maxRain = samples.compactMap(\.precipitationMm).max() ?? 0
        let maxWind = samples.compactMap(\.windSpeedKmh).max() ?? 0
        let temperatures = samples.compactMap(\.temperatureC)
        var alerts: [String] = []
        if !codes.isDisjoint(with: thunderstormCodes) {
            alerts.append(
                codes.contains(96) || codes.contains(99)
                    ? "Thunderstorm with hail at \(place)" : "Thunderstorm at \(place)")
        }
        if !codes.isDisjoint(with: freezingCodes) { alerts.append("Freezing rain at \(place)") }
        if maxRain >= heavyRainMm {
            alerts.append("Heavy rain at \(place) (up to \(format(maxRain)) mm/h)")
        } else if !codes.isDisjoint(with: heavyRainCodes) {
            alerts.append("Heavy rain at \(place)")
        }
        if !codes.isDisjoint(with: heavySnowCodes) { alerts.append("Heavy snow at \(place)") }
        if maxWind >= strongWindKmh { alerts.append("Strong wind at \(place) (up to \(format(maxWind)) km/h)") }
        if let hottest = temperatures.max(), hottest >= extremeHeatC {
            alerts.append("Extreme heat at \(place) (up to \(format(hottest)) °C)")
        }
        if let coldest = temperatures.min(), coldest <= extremeColdC {
            alerts.append("Extreme cold at \(place) (down to \(format(coldest)) °C)")
        }
        return alerts
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
