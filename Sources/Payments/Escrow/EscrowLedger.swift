import Fluent
import Foundation
import Platform
import SQLKit

/// Money held for a delivery, and its one resolution, carried out on the ledger.
///
/// An escrow's status moves by a conditional update (`… WHERE id = ? AND status IN (…) RETURNING id`) in the
/// same transaction as the transfer that moves its money, so of any number of concurrent releases, refunds and
/// splits exactly one wins; the others find it resolved and change nothing. Each transfer's idempotency key is
/// derived from the escrow, so a retried resolution cannot post twice either.
public struct EscrowLedger: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public struct Hold: Sendable {
        public var deliveryId: UUID
        public var customerId: UUID
        public var amount: Int64
        public var currency: String
        public var paymentIntentId: UUID?
        public var holdUntil: Date?

        public init(
            deliveryId: UUID, customerId: UUID, amount: Int64, currency: String, paymentIntentId: UUID? = nil,
            holdUntil: Date? = nil
        ) {
            self.deliveryId = deliveryId
            self.customerId = customerId
            self.amount = amount
            self.currency = currency.uppercased()
            self.paymentIntentId = paymentIntentId
            self.holdUntil = holdUntil
        }
    }

    /// Holds a customer's payment for a delivery: the escrow row and the transfer from the customer's funding.
    public func hold(_ hold: Hold) async throws -> EscrowAccount {
        try await context.transaction { tx in
            let escrow = EscrowAccount()
            escrow.deliveryId = hold.deliveryId
            escrow.customerId = hold.customerId
            escrow.paymentIntentId = hold.paymentIntentId
            escrow.amount = hold.amount
            escrow.currency = hold.currency
            escrow.status = .held
            escrow.holdUntil = hold.holdUntil
            escrow.autoReleaseEnabled = hold.holdUntil != nil
            escrow.createdAt = tx.now
            escrow.updatedAt = tx.now
            try await escrow.create(on: tx.db)
            let id = try escrow.requireID()
            try await Ledger(context: tx).post(
                .move(
                    hold.amount,
                    from: LedgerAccountRef(.customerFunding, owner: hold.customerId, currency: hold.currency),
                    to: escrow.ledgerAccount, key: "escrow:\(id):hold",
                    cause: TransferCause("escrow_held", referenceType: "delivery", referenceId: hold.deliveryId)))
            return escrow
        }
    }

    /// Pays the traveler what is held, less the platform's commission, into their pending balance.
    public func release(
        _ escrowId: UUID, to travelerId: UUID, commission: Int64, reason: String
    ) async throws
        -> EscrowAccount
    {
        try await resolve(escrowId, as: .released, reason: reason, travelerId: travelerId) { amount in
            .release(of: amount, commission: commission)
        }
    }

    /// Gives everything held back to the customer.
    public func refund(_ escrowId: UUID, reason: String) async throws -> EscrowAccount {
        try await resolve(escrowId, as: .refunded, reason: reason, travelerId: nil) { .refund(of: $0) }
    }

    /// A cancellation's refund: the customer's share back, the traveler's compensation to their pending balance,
    /// whatever the policy leaves to the platform.
    public func refund(
        _ escrowId: UUID, _ shares: EscrowShares, travelerId: UUID, reason: String
    ) async throws -> EscrowAccount {
        try await resolve(escrowId, as: .refunded, reason: reason, travelerId: travelerId) { _ in shares }
    }

    /// A dispute's outcome: the traveler, the platform and the customer each get their share, to the minor unit.
    public func split(
        _ escrowId: UUID, _ shares: EscrowShares, travelerId: UUID, reason: String
    ) async throws
        -> EscrowAccount
    {
        try await resolve(escrowId, as: .split, reason: reason, travelerId: travelerId) { _ in shares }
    }

    /// Stops any release while a dispute is open.
    public func freeze(_ escrowId: UUID) async throws -> EscrowAccount {
        try await context.transaction { tx in try await move(escrowId, to: .frozen, on: tx) }
    }

    /// Lets a frozen escrow be released again (a dispute closed without an outcome on the money).
    public func unfreeze(_ escrowId: UUID) async throws -> EscrowAccount {
        try await context.transaction { tx in try await move(escrowId, to: .held, on: tx) }
    }

    private func resolve(
        _ escrowId: UUID, as status: EscrowStatus, reason: String, travelerId: UUID?,
        shares: @escaping @Sendable (Int64) -> EscrowShares
    ) async throws -> EscrowAccount {
        try await context.transaction { tx in
            let escrow = try await move(escrowId, to: status, on: tx)
            let split = shares(escrow.amount)
            let problems = split.problems(holding: escrow.amount)
            guard problems.isEmpty else { throw EscrowError.sharesDoNotAddUp(problems) }
            guard split.traveler == 0 || travelerId != nil else {
                throw EscrowError.sharesDoNotAddUp(["a traveler's share needs the traveler"])
            }
            var legs = [TransferRequest.Leg(escrow.ledgerAccount, -escrow.amount)]
            if split.traveler > 0, let travelerId {
                legs.append(
                    .init(
                        LedgerAccountRef(.travelerPending, owner: travelerId, currency: escrow.currency), split.traveler
                    ))
            }
            if split.commission > 0 {
                legs.append(.init(LedgerAccountRef(.platformRevenue, currency: escrow.currency), split.commission))
            }
            if split.customer > 0 {
                legs.append(
                    .init(
                        LedgerAccountRef(.refunds, owner: escrow.customerId, currency: escrow.currency), split.customer)
                )
            }
            try await Ledger(context: tx).post(
                TransferRequest(
                    idempotencyKey: "escrow:\(escrowId):resolve",
                    cause: TransferCause(
                        "escrow_\(status.rawValue)", referenceType: "delivery", referenceId: escrow.deliveryId),
                    legs: legs, description: reason))
            if split.traveler > 0, let travelerId {
                try await tx.publish(
                    MemberMoneyRecorded(
                        userId: travelerId, kind: .earned, amount: split.traveler, currency: escrow.currency,
                        deliveryId: escrow.deliveryId))
            }
            escrow.releasedAt = tx.now
            escrow.releasedAmount = split.traveler + split.commission
            escrow.releaseReason = reason
            escrow.updatedAt = tx.now
            try await escrow.save(on: tx.db)
            return escrow
        }
    }

    /// Moves the escrow's status if, at this instant, it may: the one conditional update decides between
    /// concurrent callers.
    private func move(_ escrowId: UUID, to status: EscrowStatus, on tx: CallContext) async throws -> EscrowAccount {
        let sources = EscrowStatus.sources(of: status).map(\.rawValue)
        let moved = try await tx.db.sqlDatabase.raw(
            """
            UPDATE escrow_accounts SET status = \(bind: status.rawValue)
            WHERE id = \(bind: escrowId) AND status IN (\(binds: sources))
            RETURNING id
            """
        ).all()
        guard let escrow = try await EscrowAccount.find(escrowId, on: tx.db) else { throw EscrowError.notFound }
        guard !moved.isEmpty else { throw EscrowError.invalidTransition(from: escrow.status, to: status) }
        return escrow
    }
}
