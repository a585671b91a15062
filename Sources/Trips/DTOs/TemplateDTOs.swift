import Foundation
import Platform
import Vapor

/// The body of `POST /trips/templates` (`name` and `tripData` required) and `PUT /trips/templates/{id}` (the
/// fields to change; `tripData` there is laid over the stored data, then checked again).
public struct TemplateInput: Content, Sendable {
    public var name: String?
    public var description: String?
    /// Free text such as `business` or `weekend-trips`; `general` when absent.
    public var category: String?
    /// Private (false) by default.
    public var isPublic: Bool?
    /// The fields of `POST /trips` except `departureTime`, `arrivalTime`, `isRecurring` and `recurringPattern`.
    public var tripData: TripInput?
}

/// A template as the API shows it.
///
/// `tripData` is kept in the request shape of `POST /trips` (prices as plain minor units of
/// `tripData.pricing.currency`) because its purpose is to be sent back; `pricing` beside it shows the same
/// prices as `Money`. The owner's auto-accept threshold is shown to the owner only.
public struct TemplateResponse: Content, Sendable {
    public struct Pricing: Content, Sendable {
        public var basePrice: Money
        public var pricePerKg: Money
        public var pricePerKm: Money
    }

    public var id: UUID
    public var userId: UUID
    public var owner: Bool
    public var name: String
    public var description: String?
    public var category: String
    public var isPublic: Bool
    public var tripData: TripInput
    public var pricing: Pricing?
    public var usageCount: Int
    public var lastUsedAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(_ template: TripTemplate, viewer: UUID) throws {
        id = try template.requireID()
        userId = template.$user.id
        owner = userId == viewer
        name = template.name
        description = template.description
        category = template.category
        isPublic = template.isPublic
        tripData = template.tripData
        if !owner {
            tripData.autoAccept = nil
            tripData.autoAcceptPrice = nil
        }
        if let prices = template.tripData.pricing, let code = prices.currency, let currency = Currency(code: code) {
            pricing = Pricing(
                basePrice: Money(amount: prices.basePrice ?? 0, currency: currency),
                pricePerKg: Money(amount: prices.pricePerKg ?? 0, currency: currency),
                pricePerKm: Money(amount: prices.pricePerKm ?? 0, currency: currency))
        }
        usageCount = template.usageCount
        lastUsedAt = template.lastUsedAt
        createdAt = template.createdAt
        updatedAt = template.updatedAt
    }
}

/// One category and how many templates the caller can see in it.
public struct TemplateCategoryCount: Content, Sendable, Equatable {
    public var category: String
    public var count: Int
}
