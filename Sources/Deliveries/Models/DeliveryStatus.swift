import Platform

/// A delivery's lifecycle (`delivery_status_enum`), with who may make each move. The table lives here only.
///
/// `accepted → pickup_ready → picked_up → in_transit → delivered → completed → rated`, plus `cancelled`
/// (before pickup), `disputed` (after pickup) and `refunded` (payment returned after a cancellation or dispute).
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    case accepted
    case pickupReady = "pickup_ready"
    case pickedUp = "picked_up"
    case inTransit = "in_transit"
    case delivered, completed, rated, cancelled, disputed, refunded

    /// Who moves a delivery.
    public enum Actor: String, Codable, Sendable {
        case customer, traveler, admin
        /// The scheduler or another module's event (a QR scan, a refund).
        case system
    }

    /// Each allowed move and the actors allowed to make it. `picked_up` and `delivered` are proven, not claimed:
    /// the verified handoff code moves them (`system`), or an admin with a reason; no party can.
    public static let transitions: [DeliveryStatus: [DeliveryStatus: Set<Actor>]] = [
        .accepted: [
            .pickupReady: [.customer, .traveler, .admin],
            .pickedUp: [.admin, .system],
            .cancelled: [.customer, .traveler, .admin, .system],
        ],
        .pickupReady: [
            .pickedUp: [.admin, .system],
            .cancelled: [.customer, .traveler, .admin, .system],
        ],
        .pickedUp: [
            .inTransit: [.traveler, .admin, .system],
            .delivered: [.admin, .system],
            .disputed: [.customer, .traveler, .admin, .system],
        ],
        .inTransit: [
            .delivered: [.admin, .system],
            .disputed: [.customer, .traveler, .admin, .system],
        ],
        .delivered: [
            .completed: [.customer, .admin, .system],
            .disputed: [.customer, .traveler, .admin, .system],
        ],
        .completed: [.rated: [.system]],
        .rated: [:],
        .disputed: [.completed: [.admin], .refunded: [.admin, .system], .cancelled: [.admin]],
        .cancelled: [.refunded: [.admin, .system]],
        .refunded: [:],
    ]

    /// 409 when the move is not in the table, 403 when it is but not for this actor.
    public func requireMove(to next: DeliveryStatus, as actor: Actor) throws {
        guard let allowed = Self.transitions[self]?[next] else {
            throw APIError.invalidTransition(from: rawValue, to: next.rawValue, entity: "delivery")
        }
        guard allowed.contains(actor) else {
            throw APIError.forbidden(
                "Only \(allowed.map(\.rawValue).sorted().joined(separator: ", ")) can move a delivery to \(next.rawValue)",
                code: "TRANSITION_NOT_ALLOWED_FOR_ROLE")
        }
    }

    /// Still under way: the item has not reached a final state.
    public var isLive: Bool {
        [.accepted, .pickupReady, .pickedUp, .inTransit, .delivered].contains(self)
    }

    /// Finished and reviewable.
    public var isReviewable: Bool { self == .completed || self == .rated }
}
