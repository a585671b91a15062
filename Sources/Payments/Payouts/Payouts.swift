import Fluent
import Foundation
import Platform

/// Paying travelers out: the ledger moves the money out of the available balance in the transaction that
/// records the payout, then the provider is asked (after commit, under the payout's id as idempotency key). A
/// payout the provider refuses, or later reports failed, returns the money to the available balance with a new
/// transfer, never by editing the first.
public struct Payouts: Sendable {
    static let job = "payments.send-payout"

    struct Payload: Codable, Sendable {
        var payoutId: UUID
    }

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// A traveler's payout of `amount` (all that is available when nil); sent before this returns when the
    /// provider answers at once, otherwise by the queued job.
    public func request(
        for userId: UUID, currency: String, amount: Int64?, type: PayoutType, description: String? = nil
    ) async throws -> Payout {
        try await pay(userId, currency: currency, amount: amount, type: type, description: description, byHand: nil)
    }

    /// An admin pays a traveler out by hand: the same rules as the traveler's own payout, and the admin, the
    /// amount and the reason in the audit log, written in the payout's transaction.
    public func payByHand(
        _ userId: UUID, currency: String, amount: Int64?, type: PayoutType, reason: String?
    ) async throws -> Payout {
        try await pay(
            userId, currency: currency, amount: amount, type: type, description: "Manual payout by an admin",
            byHand: reason ?? "")
    }

    private func pay(
        _ userId: UUID, currency: String, amount: Int64?, type: PayoutType, description: String?, byHand reason: String?
    ) async throws -> Payout {
        let currency = currency.uppercased()
        guard let account = try await PayoutAccounts(context: context).account(of: userId, currency: currency)
        else { throw PayoutError.accountNotFound }
        guard account.status == .active else { throw PayoutError.accountNotReady(requirements: account.requirements) }
        let available = try await Ledger(context: context).balance(
            of: LedgerAccountRef(.travelerAvailable, owner: userId, currency: currency))
        let amount = amount ?? available
        guard amount >= PayoutRules.minimum(for: type) else {
            throw PayoutError.belowMinimum(minimum: PayoutRules.minimum(for: type), currency: currency)
        }
        guard amount <= available else { throw PayoutError.insufficientBalance(available: available) }
        let payout = try await context.transaction { tx in
            let payout = try await Payouts(context: tx).record(
                amount, type: type, from: account, description: description)
            if let reason {
                try await AuditTrail.record(
                    "manual_payout", category: "payments", userId: userId, entityType: "payout",
                    entityId: try payout.requireID().uuidString,
                    metadata: [
                        "amount": String(amount), "currency": currency, "type": type.rawValue, "reason": reason,
                    ],
                    context: tx)
            }
            return payout
        }
        try await send(try payout.requireID())
        return try await Payout.find(payout.requireID(), on: context.db) ?? payout
    }

    /// The standard run: every active account whose available balance reaches the minimum is paid out.
    @discardableResult
    public func payAllAvailable() async throws -> Int {
        var paid = 0
        for account in try await PayoutAccount.query(on: context.db).filter(\.$status == .active).all() {
            let available = try await Ledger(context: context).balance(
                of: LedgerAccountRef(.travelerAvailable, owner: account.userId, currency: account.currency))
            guard available >= PayoutRules.standardMinimum else { continue }
            let payout = try await context.transaction { tx in
                try await Payouts(context: tx).record(
                    available, type: .standard, from: account, description: "Weekly payout")
            }
            try await send(try payout.requireID())
            paid += 1
        }
        return paid
    }

    /// The member's payouts, newest first.
    public func payouts(of userId: UUID, page: PageQuery) async throws -> ListPage<Payout> {
        try await Payout.query(on: context.db).filter(\.$userId == userId).sort(\.$createdAt, .descending).page(page)
    }

    /// Asks the provider to carry out a recorded payout (the job, and the request's own first try).
    func send(_ payoutId: UUID) async throws {
        guard let payout = try await Payout.find(payoutId, on: context.db), payout.status == .pending,
            let account = try await PayoutAccount.find(payout.payoutAccountId, on: context.db)
        else { return }
        let answer: ProviderPayout
        do {
            answer = try await context.paymentProvider.payout(
                ProviderPayoutRequest(
                    account: account.providerAccountId, amount: payout.netAmount, currency: payout.currency,
                    instant: payout.type == .instant, reference: payoutId, idempotencyKey: "payout:\(payoutId)"))
        } catch let error as PaymentProviderError where !error.isTemporary {
            try await fail(payoutId, reason: error.message)
            return
        } catch let error as PaymentProviderError {
            // Left pending: the queued job retries under the same key.
            context.logger.warning("payout \(payoutId) not sent yet: \(error.message)")
            return
        }
        switch answer.status {
        case .failed, .canceled: try await fail(payoutId, reason: answer.failureMessage ?? "The provider refused it")
        case .paid, .inTransit, .pending:
            payout.providerPayoutId = answer.id
            payout.status = answer.status == .paid ? .paid : .inTransit
            if answer.status == .paid { payout.paidAt = context.now }
            payout.updatedAt = context.now
            try await payout.save(on: context.db)
        }
    }

    /// A payout the provider refused or later reported failed: the money goes back to the available balance.
    public func fail(_ payoutId: UUID, reason: String) async throws {
        try await context.transaction { tx in
            guard let payout = try await Payout.find(payoutId, on: tx.db), payout.status != .failed else { return }
            payout.status = .failed
            payout.failedAt = tx.now
            payout.failureReason = reason
            payout.updatedAt = tx.now
            try await payout.save(on: tx.db)
            try await Ledger(context: tx).post(
                TransferRequest(
                    idempotencyKey: "payout:\(payoutId):returned",
                    cause: TransferCause("payout_failed", referenceType: "payout", referenceId: payoutId),
                    legs: Self.legs(of: payout).map { .init($0.account, -$0.amount) },
                    description: "Payout failed: \(reason)"))
        }
    }

    /// The provider reported a payout arrived (`payout.paid`).
    public func markPaid(_ payoutId: UUID) async throws {
        guard let payout = try await Payout.find(payoutId, on: context.db), payout.status != .failed else { return }
        payout.status = .paid
        payout.paidAt = payout.paidAt ?? context.now
        payout.updatedAt = context.now
        try await payout.save(on: context.db)
    }

    private func record(
        _ amount: Int64, type: PayoutType, from account: PayoutAccount, description: String?
    ) async throws -> Payout {
        let fee = PayoutRules.fee(for: amount, type: type)
        let payout = Payout()
        payout.id = UUID()
        payout.userId = account.userId
        payout.payoutAccountId = try account.requireID()
        payout.amount = amount
        payout.currency = account.currency
        payout.type = type
        payout.status = .pending
        payout.fee = fee
        payout.netAmount = amount - fee
        payout.description = description
        payout.createdAt = context.now
        payout.updatedAt = context.now
        try await payout.create(on: context.db)
        let id = try payout.requireID()
        try await Ledger(context: context).post(
            TransferRequest(
                idempotencyKey: "payout:\(id)",
                cause: TransferCause("payout", referenceType: "payout", referenceId: id),
                legs: Self.legs(of: payout).map { .init($0.account, $0.amount) },
                description: description))
        try await context.enqueue(Self.job, payload: Payload(payoutId: id))
        return payout
    }

    /// The payout's movement: out of available, the net to paid-out, the fee to the platform.
    private static func legs(of payout: Payout) -> [(account: LedgerAccountRef, amount: Int64)] {
        let currency = payout.currency
        var legs: [(LedgerAccountRef, Int64)] = [
            (LedgerAccountRef(.travelerAvailable, owner: payout.userId, currency: currency), -payout.amount),
            (LedgerAccountRef(.travelerPaidOut, owner: payout.userId, currency: currency), payout.netAmount),
        ]
        if payout.fee > 0 { legs.append((LedgerAccountRef(.platformRevenue, currency: currency), payout.fee)) }
        return legs
    }
}
