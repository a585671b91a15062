import Fluent
import Foundation
import Platform
import SQLKit

/// A traveler's earnings wait in their pending balance for the clearing period after the escrow resolved (time
/// for a late dispute or a chargeback to surface), then become available to pay out. A scheduled job moves each
/// resolved escrow's traveler share once, by its escrow's key.
public struct EarningsClearing: Sendable {
    /// How long earnings stay pending.
    public static let clearingPeriod: TimeInterval = 7 * 24 * 3600

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// Clears every share whose period is over; answers how many.
    @discardableResult
    public func clearDue(limit: Int = 200) async throws -> Int {
        let due = try await EscrowAccount.query(on: context.db)
            .filter(\.$status ~~ [.released, .refunded, .split])
            .filter(\.$clearedAt == nil)
            .filter(\.$disputedAt == nil)
            .filter(\.$releasedAt <= context.now.addingTimeInterval(-Self.clearingPeriod))
            .limit(limit).all()
        for escrow in due {
            try await context.transaction { tx in try await EarningsClearing(context: tx).clear(escrow) }
        }
        return due.count
    }

    private func clear(_ escrow: EscrowAccount) async throws {
        let id = try escrow.requireID()
        let marked = try await context.db.sqlDatabase.raw(
            """
            UPDATE escrow_accounts SET cleared_at = \(bind: context.now)
            WHERE id = \(bind: id) AND cleared_at IS NULL AND disputed_at IS NULL RETURNING id
            """
        ).all()
        guard !marked.isEmpty, let share = try await travelerShare(of: id) else { return }
        try await Ledger(context: context).post(
            .move(
                share.amount,
                from: LedgerAccountRef(.travelerPending, owner: share.travelerId, currency: escrow.currency),
                to: LedgerAccountRef(.travelerAvailable, owner: share.travelerId, currency: escrow.currency),
                key: "escrow:\(id):clear",
                cause: TransferCause("earnings_cleared", referenceType: "delivery", referenceId: escrow.deliveryId)))
    }

    /// What the escrow's resolution credited to a traveler's pending balance, read from the ledger itself.
    private func travelerShare(of escrowId: UUID) async throws -> (travelerId: UUID, amount: Int64)? {
        let row = try await context.db.sqlDatabase.raw(
            """
            SELECT a.owner_id, e.amount FROM ledger_transfers t
            JOIN ledger_entries e ON e.transfer_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
            WHERE t.idempotency_key = \(bind: "escrow:\(escrowId):resolve")
              AND a.kind = \(bind: LedgerAccountKind.travelerPending.rawValue) AND e.amount > 0
            """
        ).first()
        guard let row, let owner = try row.decode(column: "owner_id", as: UUID?.self),
            let amount = try? row.decode(column: "amount", as: Int64.self)
        else { return nil }
        return (owner, amount)
    }
}
