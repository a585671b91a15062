import Fluent
import Foundation
import Platform
import SQLKit

/// Charging customers: one payment intent per attempt, the provider asked outside any database transaction, and
/// a success turned into a booking in one transaction (`PaymentIntentSucceeded`, which `Deliveries` books in).
///
/// The order of a payment, and why:
/// 1. the attempt is recorded (`processing`) and committed before the provider is called, so a crash mid-call
///    leaves a trace to reconcile, and the provider call carries the attempt's idempotency key;
/// 2. the provider's answer is applied: a decline is recorded and answered 402, an authentication step leaves the
///    intent `requires_action` for 15 minutes, a success books;
/// 3. a success that cannot be booked (the offer was withdrawn meanwhile) is refunded at once and recorded as
///    `refunded`: money never stands without the delivery it paid for.
public struct PaymentIntents: Sendable {
    let context: CallContext

    /// How long a customer has to complete an authentication step before the attempt is cancelled.
    public static let authenticationWindow: TimeInterval = 15 * 60

    public init(context: CallContext) {
        self.context = context
    }

    /// Charges `order`. Answers the intent `succeeded` (with its delivery booked) or `requires_action`; throws
    /// 402 for a declined card after recording the attempt.
    public func pay(_ order: PaymentOrder) async throws -> PaymentIntent {
        try await refuseWhileAnotherWaits(for: order.offerId)
        let intent = try await record(order)
        let id = try intent.requireID()
        let answer = try await ask(intent) { provider in
            try await provider.charge(
                ProviderCharge(
                    amount: intent.amount, currency: intent.currency, paymentMethod: intent.paymentMethod,
                    description: order.description, reference: id, idempotencyKey: "intent:\(id):charge"))
        }
        return try await apply(answer, to: intent)
    }

    /// Completes an intent whose authentication step the customer has finished.
    public func confirm(_ id: UUID, by actor: Principal) async throws -> PaymentIntent {
        let intent = try await owned(id, by: actor)
        if intent.status == .succeeded { return intent }
        guard intent.status == .requiresAction, let providerId = intent.providerIntentId else {
            throw PaymentError.invalidState(intent.status, action: "confirmed")
        }
        if let deadline = intent.actionExpiresAt, deadline <= context.now {
            try await abandon(intent, reason: "Authentication was not completed within 15 minutes")
            throw PaymentError.authenticationExpired
        }
        // With Stripe.js the authentication step confirms the intent itself, so it may have succeeded already;
        // only one waiting for confirmation is confirmed, and one still waiting for the customer stays so.
        let current = try await ask(intent, failsAttempt: false) { try await $0.retrieve(intent: providerId) }
        guard current.status == .requiresConfirmation else { return try await apply(current, to: intent) }
        let answer = try await ask(intent, failsAttempt: false) { provider in
            try await provider.confirm(intent: providerId, idempotencyKey: "intent:\(id):confirm")
        }
        return try await apply(answer, to: intent)
    }

    /// Applies what the provider reports of an intent (a webhook): an authentication completed in the customer's
    /// browser books exactly as a confirmation would; a failure fails the attempt. Intents already settled are left
    /// as they are, so a repeated or late report changes nothing.
    public func reconcile(_ answer: ProviderIntent) async throws {
        guard
            let intent = try await PaymentIntent.query(on: context.db).filter(\.$providerIntentId == answer.id)
                .first(), intent.status.isOpen
        else { return }
        do {
            _ = try await apply(answer, to: intent)
        } catch let error as PaymentError {
            // A decline is the webhook's news, not its failure; the attempt is recorded failed.
            guard case .declined = error else { throw error }
        }
    }

    /// The customer gives up an attempt that waits for authentication.
    public func cancel(_ id: UUID, by actor: Principal) async throws -> PaymentIntent {
        let intent = try await owned(id, by: actor)
        guard intent.status.isOpen else { throw PaymentError.invalidState(intent.status, action: "cancelled") }
        try await abandon(intent, reason: "Cancelled by \(actor.isAdmin ? "an admin" : "the customer")")
        return try await PaymentIntent.find(id, on: context.db) ?? intent
    }

    /// Cancels every authentication step whose 15 minutes are over (the scheduled sweep).
    @discardableResult
    public func abandonExpiredAuthentications(limit: Int = 100) async throws -> Int {
        let expired = try await PaymentIntent.query(on: context.db)
            .filter(\.$status == .requiresAction)
            .filter(\.$actionExpiresAt <= context.now)
            .limit(limit).all()
        for intent in expired {
            try await abandon(intent, reason: "Authentication was not completed within 15 minutes")
        }
        return expired.count
    }

    /// The booking's half of a success, called by the module that booked, in the booking's transaction: ties the
    /// intent to its delivery and holds the money — the processing fee to its account, the rest in escrow.
    public func settle(_ intentId: UUID, deliveryId: UUID) async throws {
        guard let intent = try await PaymentIntent.find(intentId, on: context.db) else {
            throw PaymentError.intentNotFound
        }
        intent.deliveryId = deliveryId
        intent.updatedAt = context.now
        try await intent.save(on: context.db)
        let funding = LedgerAccountRef(.customerFunding, owner: intent.customerId, currency: intent.currency)
        if intent.processingFee > 0 {
            try await Ledger(context: context).post(
                .move(
                    intent.processingFee, from: funding,
                    to: LedgerAccountRef(.processingFees, currency: intent.currency),
                    key: "intent:\(intentId):processing-fee",
                    cause: TransferCause("processing_fee", referenceType: "payment_intent", referenceId: intentId)))
        }
        _ = try await EscrowLedger(context: context).hold(
            .init(
                deliveryId: deliveryId, customerId: intent.customerId, amount: intent.escrowAmount,
                currency: intent.currency, paymentIntentId: intentId))
    }

    // MARK: - Steps

    private func refuseWhileAnotherWaits(for offerId: UUID) async throws {
        let waiting = try await PaymentIntent.query(on: context.db)
            .filter(\.$offerId == offerId)
            .filter(\.$status ~~ [.processing, .requiresAction])
            .filter(\.$createdAt > context.now.addingTimeInterval(-Self.authenticationWindow))
            .first()
        if let waiting { throw PaymentError.paymentInProgress(try waiting.requireID()) }
    }

    private func record(_ order: PaymentOrder) async throws -> PaymentIntent {
        let quote = order.quote
        let intent = PaymentIntent()
        intent.id = UUID()
        intent.offerId = order.offerId
        intent.customerId = order.customerId
        intent.travelerId = order.travelerId
        intent.provider = context.paymentProvider.name
        intent.amount = quote.total
        intent.currency = quote.currency
        intent.status = .processing
        intent.paymentMethod = order.paymentMethod
        intent.travelerPrice = quote.travelerPrice
        intent.platformFee = quote.platformFee
        intent.processingFee = quote.processingFee
        intent.insuranceFee = quote.insuranceFee
        intent.creditsApplied = quote.creditsApplied
        intent.totalFees = quote.totalFees
        var metadata = [
            "acceptedBy": order.acceptedBy.uuidString.lowercased(),
            "acceptedByAdmin": order.acceptedByAdmin ? "true" : "false",
            "automatic": order.automatic ? "true" : "false",
            "description": order.description,
        ]
        for (key, value) in order.bookingDetails { metadata["booking.\(key)"] = value }
        intent.metadata = metadata
        intent.createdAt = context.now
        intent.updatedAt = context.now
        try await intent.create(on: context.db)
        return intent
    }

    /// Calls the provider; its refusals become the platform's errors, and a permanent one fails the attempt.
    /// `failsAttempt`: a refusal of the charge itself ends the attempt; a refused read or confirmation does not
    /// (the intent's own status, read again, says what happened).
    private func ask(
        _ intent: PaymentIntent, failsAttempt: Bool = true, _ call: (any PaymentProvider) async throws -> ProviderIntent
    ) async throws -> ProviderIntent {
        do {
            return try await call(context.paymentProvider)
        } catch let error as PaymentProviderError {
            // A temporary failure may or may not have charged: the attempt stays `processing` for the provider's
            // webhook (or a retry under the same key) to settle.
            if error.isTemporary {
                context.logger.warning("payment provider unavailable for intent \(intent.id?.uuidString ?? "")")
                throw PaymentError.providerUnavailable
            }
            guard failsAttempt else { throw PaymentError.providerRefused(error.message) }
            try await fail(intent, code: error.code, reason: error.message)
            if error.code == "resource_missing", intent.status == .processing {
                throw PaymentError.invalidPaymentMethod(intent.paymentMethod)
            }
            throw PaymentError.providerRefused(error.message)
        }
    }

    private func apply(_ answer: ProviderIntent, to intent: PaymentIntent) async throws -> PaymentIntent {
        let id = try intent.requireID()
        switch answer.status {
        case .succeeded:
            try await complete(intent, answer: answer)
        case .requiresAction, .requiresConfirmation:
            try await move(id, to: .requiresAction) { row in
                row.providerIntentId = answer.id
                row.clientSecret = answer.clientSecret
                row.nextActionURL = answer.nextActionURL
                if row.actionExpiresAt == nil {
                    row.actionExpiresAt = context.now.addingTimeInterval(Self.authenticationWindow)
                }
            }
        case .requiresPaymentMethod, .canceled:
            intent.providerIntentId = answer.id
            let decline =
                answer.decline
                ?? .init(code: "card_declined", declineCode: nil, message: "Your card was declined.")
            try await fail(intent, code: decline.declineCode ?? decline.code, reason: decline.message)
            throw PaymentError.declined(decline)
        case .processing, .requiresCapture:
            try await move(id, to: .processing) { $0.providerIntentId = answer.id }
        }
        guard let stored = try await PaymentIntent.find(id, on: context.db) else { throw PaymentError.intentNotFound }
        return stored
    }

    /// Marks the intent succeeded and books what it pays for, in one transaction; refunds when booking fails.
    private func complete(_ intent: PaymentIntent, answer: ProviderIntent) async throws {
        let id = try intent.requireID()
        do {
            try await context.transaction { tx in
                let moved = try await PaymentIntents(context: tx).move(id, to: .succeeded) { row in
                    row.providerIntentId = answer.id
                    row.confirmedAt = tx.now
                }
                guard moved, let offerId = intent.offerId else { return }
                let metadata = intent.metadata ?? [:]
                try await tx.publish(
                    PaymentIntentSucceeded(
                        paymentIntentId: id, offerId: offerId, customerId: intent.customerId,
                        acceptedBy: metadata["acceptedBy"].flatMap(UUID.init(uuidString:)) ?? intent.customerId,
                        acceptedByAdmin: metadata["acceptedByAdmin"] == "true",
                        automatic: metadata["automatic"] == "true",
                        bookingDetails: Dictionary(
                            uniqueKeysWithValues: metadata.compactMap { key, value in
                                key.hasPrefix("booking.") ? (String(key.dropFirst(8)), value) : nil
                            }), amount: intent.amount,
                        currency: intent.currency))
                // A payment for an offer must have booked it; if no subscriber did, nothing of this commits.
                let settled = try await PaymentIntent.find(id, on: tx.db)
                guard settled?.deliveryId != nil else {
                    throw PaymentError.providerRefused("the payment could not be tied to a booking")
                }
            }
        } catch {
            try await refundUnbooked(intent, providerId: answer.id, because: error)
            throw error
        }
    }

    /// Cancels an open attempt at the provider and records why.
    private func abandon(_ intent: PaymentIntent, reason: String) async throws {
        let id = try intent.requireID()
        if let providerId = intent.providerIntentId {
            _ = try? await context.paymentProvider.cancel(intent: providerId, idempotencyKey: "intent:\(id):cancel")
        }
        try await context.transaction { tx in
            let moved = try await PaymentIntents(context: tx).move(id, to: .canceled) { row in
                row.canceledAt = tx.now
                row.failureReason = reason
            }
            if moved {
                try await tx.publish(
                    PaymentIntentFailed(
                        paymentIntentId: id, offerId: intent.offerId, customerId: intent.customerId,
                        status: PaymentIntentStatus.canceled.rawValue, reason: reason))
            }
        }
    }

    private func fail(_ intent: PaymentIntent, code: String?, reason: String) async throws {
        let id = try intent.requireID()
        try await context.transaction { tx in
            let moved = try await PaymentIntents(context: tx).move(id, to: .failed) { row in
                row.providerIntentId = intent.providerIntentId ?? row.providerIntentId
                row.declineCode = code
                row.failureReason = reason
                row.failedAt = tx.now
            }
            if moved {
                try await tx.publish(
                    PaymentIntentFailed(
                        paymentIntentId: id, offerId: intent.offerId, customerId: intent.customerId,
                        status: PaymentIntentStatus.failed.rawValue, reason: reason))
            }
        }
    }

    /// Moves the intent's status when, at this instant, it may (one conditional update decides between a
    /// customer's confirmation, the expiry sweep and a webhook), then applies `change` to the row.
    @discardableResult
    func move(
        _ id: UUID, to status: PaymentIntentStatus, from sources: [PaymentIntentStatus]? = nil,
        _ change: (PaymentIntent) -> Void = { _ in }
    ) async throws -> Bool {
        let from = (sources ?? PaymentIntentStatus.sources(of: status)).map(\.rawValue)
        let moved = try await context.db.sqlDatabase.raw(
            """
            UPDATE payment_intents SET status = \(bind: status.rawValue), updated_at = \(bind: context.now)
            WHERE id = \(bind: id) AND status IN (\(binds: from)) RETURNING id
            """
        ).all()
        guard !moved.isEmpty, let row = try await PaymentIntent.find(id, on: context.db) else { return false }
        change(row)
        try await row.save(on: context.db)
        return true
    }

    private func owned(_ id: UUID, by actor: Principal) async throws -> PaymentIntent {
        guard let intent = try await PaymentIntent.find(id, on: context.db),
            intent.customerId == actor.userId || actor.isAdmin
        else { throw PaymentError.intentNotFound }
        return intent
    }
}
