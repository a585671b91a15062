import Fluent
import Platform
import Vapor

/// Trip management (original service 3003): trips, capacity, lifecycle, templates, weather and analytics.
public struct TripsModule: PlatformModule {
    public init() {}

    public var name: String { "trips" }

    public var migrations: [any Migration] {
        [
            CreateTrips(),
            CreateTripCapacityReservations(),  // who holds which capacity: not in the seed schema
            CreateTripTemplates(),  // with description, category and is_public beyond the seed columns
            CreateTripWeather(),  // one cached forecast per trip
        ]
    }

    public func boot(_ app: Application) async throws {
        app.personalData.register(TripsPersonalData.section)
        app.databases.middleware.use(TripIndexInvalidation(index: app.tripIndex))
        app.weather = try WeatherProviderSetting.provider(
            named: Environment.get("WEATHER_PROVIDER"), client: app.client)
        app.jobs.schedule(
            RecurringTask(name: "trips.advance-status", every: 60) { context in
                try await TripLifecycle.advanceByTime(context: context.callContext)
            })
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: TripController())
        try api.register(collection: TripLifecycleController())
        try api.register(collection: CapacityController())
        try api.register(collection: TripSearchController())
        try api.register(collection: TemplateController())
        try api.register(collection: WeatherController())
        try api.register(collection: AnalyticsController())
        try api.register(collection: ShareController())
    }
}
