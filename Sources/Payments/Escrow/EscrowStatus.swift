import Foundation

/// Where money held for one delivery stands (`escrow_status_enum`). It is held when the payment succeeds, frozen
/// while a dispute is open, and resolves exactly once: released to the traveler, refunded to the customer, or
/// split between them by a dispute's outcome.
public enum EscrowStatus: String, Codable, Sendable, CaseIterable {
    case held, frozen, released, refunded, split

    /// The statuses each status may move to; a resolved escrow moves no more.
    public var next: Set<EscrowStatus> {
        switch self {
        case .held: [.frozen, .released, .refunded]
        case .frozen: [.held, .released, .refunded, .split]
        case .released, .refunded, .split: []
        }
    }

    public var isResolved: Bool { next.isEmpty }

    public func canMove(to status: EscrowStatus) -> Bool { next.contains(status) }

    /// The statuses from which `status` can be reached, for the conditional update that moves an escrow once.
    public static func sources(of status: EscrowStatus) -> [EscrowStatus] {
        allCases.filter { $0.canMove(to: status) }
    }
}
