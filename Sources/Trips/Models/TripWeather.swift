import Fluent
import Foundation

/// The cached weather of one trip (`trip_weather`): both ends, the derived travel conditions and alerts.
///
/// One row per trip, replaced when it is older than `TripWeatherService.freshness` or the trip's route or
/// schedule moved. `alerts` is the seed's `text[]` (JSON text on SQLite).
public final class TripWeather: Model, @unchecked Sendable {
    public static let schema = "trip_weather"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Parent(key: "trip_id") public var trip: Trip
    @Field(key: "origin_weather") public var originWeather: LocationWeather
    @Field(key: "destination_weather") public var destinationWeather: LocationWeather
    @Enum(key: "travel_conditions") public var travelConditions: TravelConditions
    @Field(key: "alerts") public var alerts: [String]
    @Field(key: "fetched_at") public var fetchedAt: Date

    public init() {}

    init(tripId: UUID) {
        self.$trip.id = tripId
    }
}
