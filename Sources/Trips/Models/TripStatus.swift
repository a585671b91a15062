import Platform

/// A trip's lifecycle (`trip_status_enum`): `upcoming → active → completed`, and any live state → `cancelled`.
///
/// The transition table lives here and nowhere else; an illegal move is a 409 `INVALID_STATE_TRANSITION`.
public enum TripStatus: String, Codable, Sendable, CaseIterable {
    case upcoming, active, completed, cancelled

    /// The states each state may move to.
    public static let transitions: [TripStatus: Set<TripStatus>] = [
        .upcoming: [.active, .cancelled],
        .active: [.completed, .cancelled],
        .completed: [],
        .cancelled: [],
    ]

    public func canMove(to next: TripStatus) -> Bool {
        Self.transitions[self, default: []].contains(next)
    }

    /// Throws the 409 when the move is not in the table.
    public func requireMove(to next: TripStatus) throws {
        guard canMove(to: next) else {
            throw APIError.invalidTransition(from: rawValue, to: next.rawValue, entity: "trip")
        }
    }

    /// A trip that still carries items: new deliveries may only be booked on upcoming trips.
    public var isLive: Bool { self == .upcoming || self == .active }
}
