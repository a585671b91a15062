import Fluent
import Foundation
import Platform

/// A row of `location_privacy_settings`: what a traveler's customers see of their position, and how long
/// their points are kept. A member without a row has the defaults.
public final class LocationPrivacySettings: Model, @unchecked Sendable {
    public static let schema = "location_privacy_settings"

    @ID(custom: "user_id", generatedBy: .user) public var id: UUID?
    /// What the customer sees before pickup, while the traveler heads for the sender.
    @Enum(key: "before_pickup") public var beforePickup: LocationSharing
    /// What the customer sees while their item travels.
    @Enum(key: "in_transit") public var inTransit: LocationSharing
    @Field(key: "coarse_precision_meters") public var coarsePrecisionMeters: Int
    /// Days the member's points are kept before the scheduled purge removes them.
    @Field(key: "retention_days") public var retentionDays: Int
    /// Whether the member's anonymised speeds may feed traffic and analytics.
    @Field(key: "share_for_analytics") public var shareForAnalytics: Bool
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    /// The defaults: a coarse position before pickup, the precise one in transit, 1 km cells, 90 days.
    public static func defaults(for userId: UUID, at date: Date) -> LocationPrivacySettings {
        let settings = LocationPrivacySettings()
        settings.id = userId
        settings.beforePickup = .coarse
        settings.inTransit = .precise
        settings.coarsePrecisionMeters = 1_000
        settings.retentionDays = 90
        settings.shareForAnalytics = true
        settings.updatedAt = date
        return settings
    }

    /// The member's settings, or the defaults.
    public static func of(_ userId: UUID, on db: any Database, at date: Date) async throws -> LocationPrivacySettings {
        try await find(userId, on: db) ?? defaults(for: userId, at: date)
    }

    /// What the customer of a delivery in `phase` sees.
    public func sharing(in phase: TrackingPhase) -> LocationSharing {
        phase == .toPickup ? beforePickup : inTransit
    }
}
