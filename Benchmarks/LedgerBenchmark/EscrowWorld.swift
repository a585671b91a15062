import Foundation
import Payments

/// The accounts the benchmark moves money between: customers' funding, deliveries' escrow, travelers' pending
/// balances and the platform's revenue, in euros.
///
/// Delivery `d` belongs to customer `d` and traveler `d % travelers`. Posters split the deliveries by
/// `d % posters`; because `travelers` is a multiple of every poster count, each poster then owns its
/// customers, escrows and travelers outright, and the revenue account is the only one they share, as every
/// release in production shares it. (`Ledger` locks a batch's accounts in code order, so posters sharing more
/// would queue, not deadlock; owning their accounts keeps each escrow's expected balance the poster's own.)
struct EscrowWorld: Sendable {
    static let currency = "EUR"
    /// Basis points of a held amount the platform keeps when escrow is released.
    static let commissionBasisPoints: Int64 = 1_500

    let customers: [UUID]
    let deliveries: [UUID]
    let travelers: [UUID]
    let revenue = LedgerAccountRef(.platformRevenue, currency: EscrowWorld.currency)

    init(deliveries: Int = 1_000, travelers: Int = 160) {
        self.deliveries = (0..<deliveries).map { _ in UUID() }
        customers = (0..<deliveries).map { _ in UUID() }
        self.travelers = (0..<travelers).map { _ in UUID() }
    }

    /// Whether `posters` concurrent posters can split the deliveries without sharing a traveler.
    func supports(posters: Int) -> Bool {
        posters > 0 && travelers.count % posters == 0 && posters <= deliveries.count
    }

    func funding(of delivery: Int) -> LedgerAccountRef {
        LedgerAccountRef(.customerFunding, owner: customers[delivery], currency: Self.currency)
    }

    func escrow(of delivery: Int) -> LedgerAccountRef {
        LedgerAccountRef(.escrow, owner: deliveries[delivery], currency: Self.currency)
    }

    func pending(of delivery: Int) -> LedgerAccountRef {
        LedgerAccountRef(.travelerPending, owner: travelers[delivery % travelers.count], currency: Self.currency)
    }

    /// A two-leg transfer: the customer's payment into the delivery's escrow.
    func hold(_ amount: Int64, delivery: Int, cycle: Int, run: String) -> TransferRequest {
        .move(
            amount, from: funding(of: delivery), to: escrow(of: delivery),
            key: "bench:\(run):escrow:\(deliveries[delivery].uuidString.lowercased()):\(cycle):hold",
            cause: TransferCause("payment_captured", referenceType: "delivery", referenceId: deliveries[delivery]))
    }

    /// A three-leg transfer: everything held goes to the traveler's pending balance less the commission. The
    /// benchmark holds and releases one escrow account many times, which production never does (an escrow
    /// resolves once), so its releases have a kind of their own that the audit's once-per-escrow rule ignores.
    func release(_ amount: Int64, delivery: Int, cycle: Int, run: String) -> TransferRequest {
        let commission = amount * Self.commissionBasisPoints / 10_000
        return TransferRequest(
            idempotencyKey: "bench:\(run):escrow:\(deliveries[delivery].uuidString.lowercased()):\(cycle):release",
            cause: TransferCause("bench_release", referenceType: "delivery", referenceId: deliveries[delivery]),
            legs: [
                .init(escrow(of: delivery), -amount), .init(pending(of: delivery), amount - commission),
                .init(revenue, commission),
            ])
    }
}
