/// A recorded answer of Open-Meteo's forecast API for Berlin on 2026-11-20, in the documented shape
/// (`GET /v1/forecast?latitude=52.52&longitude=13.41&hourly=temperature_2m,precipitation,wind_speed_10m,
/// weather_code&start_date=2026-11-20&end_date=2026-11-20&timezone=GMT`). One precipitation value is null, as
/// the API reports gaps; a thunderstorm passes at 15:00.
enum OpenMeteoFixture {
    static let berlinForecast = """
        {
          "latitude": 52.52,
          "longitude": 13.419998,
          "generationtime_ms": 0.0908374786376953,
          "utc_offset_seconds": 0,
          "timezone": "GMT",
          "timezone_abbreviation": "GMT",
          "elevation": 38.0,
          "hourly_units": {
            "time": "iso8601",
            "temperature_2m": "°C",
            "precipitation": "mm",
            "wind_speed_10m": "km/h",
            "weather_code": "wmo code"
          },
          "hourly": {
            "time": [
              "2026-11-20T00:00", "2026-11-20T01:00", "2026-11-20T02:00", "2026-11-20T03:00",
              "2026-11-20T04:00", "2026-11-20T05:00", "2026-11-20T06:00", "2026-11-20T07:00",
              "2026-11-20T08:00", "2026-11-20T09:00", "2026-11-20T10:00", "2026-11-20T11:00",
              "2026-11-20T12:00", "2026-11-20T13:00", "2026-11-20T14:00", "2026-11-20T15:00",
              "2026-11-20T16:00", "2026-11-20T17:00", "2026-11-20T18:00", "2026-11-20T19:00",
              "2026-11-20T20:00", "2026-11-20T21:00", "2026-11-20T22:00", "2026-11-20T23:00"
            ],
            "temperature_2m": [
              4.1, 3.8, 3.5, 3.3, 3.0, 2.9, 3.2, 3.9, 5.0, 6.4, 7.8, 8.9,
              9.6, 10.2, 10.4, 9.8, 9.1, 8.3, 7.5, 6.9, 6.2, 5.8, 5.4, 5.1
            ],
            "precipitation": [
              0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 0.3, 0.0, 0.0, 0.0, 0.0,
              0.0, 0.2, 1.4, 6.8, 2.1, 0.4, 0.0, 0.0, null, 0.0, 0.0, 0.0
            ],
            "wind_speed_10m": [
              11.2, 10.8, 10.1, 9.7, 9.4, 9.9, 10.5, 12.3, 14.8, 16.2, 18.0, 19.4,
              21.6, 24.1, 38.5, 56.2, 41.0, 27.3, 19.8, 15.1, 13.0, 12.2, 11.5, 10.9
            ],
            "weather_code": [
              3, 3, 3, 2, 2, 3, 51, 53, 3, 3, 2, 2, 3, 61, 80, 95, 81, 61, 3, 3, 3, 2, 1, 1
            ]
          }
        }
        """

    /// Open-Meteo's refusal of an out-of-range date (HTTP 400).
    static let outOfRange = """
        {"error":true,"reason":"Parameter 'start_date' is out of allowed range from 2026-08-22 to 2026-12-06"}
        """
}
