import Foundation

/// Facts about item handoffs, published by the modules that verify them (QR codes, admin overrides); the
/// `Deliveries` module subscribes and moves the delivery (`picked_up`, `delivered`).

/// A handoff of a delivery's item was verified.
public struct HandoffVerified: DomainEvent {
    public static let eventType = "handoffs.verified"

    public enum Handoff: String, Codable, Sendable {
        /// The traveler collected the item from the sender.
        case pickup
        /// The recipient received the item.
        case delivery
    }

    public var deliveryId: UUID
    public var handoff: Handoff
    /// The user who scanned or confirmed.
    public var verifiedBy: UUID
    /// How it was verified (`qr_code`, `backup_code`, `admin_override`).
    public var method: String
    public var aggregateId: UUID { deliveryId }

    public init(deliveryId: UUID, handoff: Handoff, verifiedBy: UUID, method: String) {
        self.deliveryId = deliveryId
        self.handoff = handoff
        self.verifiedBy = verifiedBy
        self.method = method
    }
}
