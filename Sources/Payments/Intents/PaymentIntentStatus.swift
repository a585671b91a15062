import Platform

/// A payment intent's lifecycle (`payment_status_enum`). The table lives here only.
///
/// `processing → succeeded | requires_action | failed | canceled`; `requires_action → succeeded | failed |
/// canceled` (the customer authenticates, or gives up and the deadline cancels it); `succeeded → refunded |
/// partially_refunded`, `partially_refunded → refunded`; and `processing | requires_action → refunded` for a
/// charge whose booking could not be made, refunded at once. `failed` and `canceled` are final: a new attempt is a
/// new intent, so the history keeps every attempt.
public enum PaymentIntentStatus: String, Codable, Sendable, CaseIterable {
    case processing
    case requiresAction = "requires_action"
    case succeeded, failed, canceled, refunded
    case partiallyRefunded = "partially_refunded"

    public static let transitions: [PaymentIntentStatus: Set<PaymentIntentStatus>] = [
        .processing: [.succeeded, .requiresAction, .failed, .canceled, .refunded],
        .requiresAction: [.succeeded, .failed, .canceled, .refunded],
        .succeeded: [.refunded, .partiallyRefunded],
        .partiallyRefunded: [.refunded, .partiallyRefunded],
        .failed: [], .canceled: [], .refunded: [],
    ]

    public func canMove(to next: PaymentIntentStatus) -> Bool {
        Self.transitions[self]?.contains(next) ?? false
    }

    /// The statuses `next` may be reached from, for a conditional update.
    public static func sources(of next: PaymentIntentStatus) -> [PaymentIntentStatus] {
        allCases.filter { $0.canMove(to: next) }
    }

    /// Still waiting on the provider or the customer.
    public var isOpen: Bool { self == .processing || self == .requiresAction }
}
