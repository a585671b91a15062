import Platform

/// A request's lifecycle (`delivery_request_status_enum`): open for offers, then matched, cancelled or expired.
public enum DeliveryRequestStatus: String, Codable, Sendable, CaseIterable {
    case pending, matched, cancelled, expired

    public static let transitions: [DeliveryRequestStatus: Set<DeliveryRequestStatus>] = [
        .pending: [.matched, .cancelled, .expired],
        // A delivery cancelled before pickup reopens its request for other offers.
        .matched: [.pending, .cancelled],
        .cancelled: [],
        .expired: [],
    ]

    public func requireMove(to next: DeliveryRequestStatus) throws {
        guard Self.transitions[self, default: []].contains(next) else {
            throw APIError.invalidTransition(from: rawValue, to: next.rawValue, entity: "delivery request")
        }
    }
}

/// How fast the customer needs it (`urgency_level_enum`).
public enum Urgency: String, Codable, Sendable, CaseIterable {
    case standard, express, urgent
}

/// An offer's lifecycle (`offer_status_enum`).
public enum OfferStatus: String, Codable, Sendable, CaseIterable {
    case pending, accepted, declined, withdrawn, expired

    public static let transitions: [OfferStatus: Set<OfferStatus>] = [
        .pending: [.accepted, .declined, .withdrawn, .expired],
        .accepted: [],
        .declined: [],
        .withdrawn: [],
        .expired: [],
    ]

    public func requireMove(to next: OfferStatus) throws {
        guard Self.transitions[self, default: []].contains(next) else {
            throw APIError.invalidTransition(from: rawValue, to: next.rawValue, entity: "offer")
        }
    }
}
