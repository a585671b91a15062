import Fluent
import Platform
import Vapor

/// Delivery requests (original service 3004): requests, matching, offers and the delivery lifecycle.
public struct DeliveriesModule: PlatformModule {
    public init() {}

    public var name: String { "deliveries" }

    public var migrations: [any Migration] {
        [
            CreateDeliveryRequests(),
            CreateDeliveryOffers(),
            CreateDeliveries(),
            CreateDeliveryEvents(),  // the history of every move
            CreateDeliveryRequestReports(),  // not in the seed schema
            AddAutoAcceptPaymentMethod(),
            CreateDisputes(),
        ]
    }

    public func boot(_ app: Application) async throws {
        DeliveryAutomation.install(on: app)
        DeliveryReviews.install(on: app)
        app.personalData.register(DeliveriesPersonalData.section)
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: DeliveryRequestController())
        try api.register(collection: OfferController())
        try api.register(collection: DeliveryController())
        try api.register(collection: InsightsController())
        try api.register(collection: DisputeController())
        try api.register(collection: AdminDisputeController())
        try api.register(collection: PricingController())
    }
}
