import Fluent
import Foundation
import Platform
import Vapor

/// Payments (original service 3007): the double-entry ledger every money movement posts to, escrow, and payment
/// intents charged through the `PaymentProvider`.
public struct PaymentsModule: PlatformModule {
    public init() {}

    public var name: String { "payments" }

    public var migrations: [any Migration] {
        [
            CreateLedgerAccounts(), CreateLedgerTransfers(), CreateLedgerEntries(), CreateEscrowAccounts(),
            CreatePaymentIntents(), CreateRefunds(), CreateCancellationPolicies(), AddEscrowClearing(),
            CreatePayoutAccounts(), CreatePayouts(), AddEscrowDisputeHold(), CreatePaymentWebhookEvents(),
            AddLedgerEntrySequence(),
            // The pricing engine's tariff as rows (seeded with the original tariff), and their edit history.
            CreatePricingFactors(), CreatePricingFactorChanges(),
        ]
    }

    public func boot(_ app: Application) async throws {
        let settings = try PaymentsSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        app.paymentsSettings = settings
        app.paymentProvider = settings.makeProvider(client: app.client, address: app.publicAddress)
        app.pricingFactorCache = PricingFactorCache()
        // The recipient's code verified at the drop releases escrow, in the transaction that used the code.
        app.events.subscribe(HandoffVerified.self, name: "payments.release-on-delivery") { event, context in
            guard event.handoff == .delivery else { return }
            try await EscrowRelease(context: context.callContext).release(
                deliveryId: event.deliveryId, reason: "The recipient's code was verified at the drop (\(event.method))")
        }
        // A drop recorded without the recipient's code starts the hold period; the customer's confirmation ends it.
        app.events.subscribe(DeliveryStatusChanged.self, name: "payments.delivery-status") { event, context in
            let release = EscrowRelease(context: context.callContext)
            switch event.to {
            case "delivered": try await release.startHold(deliveryId: event.deliveryId)
            case "completed":
                try await release.release(deliveryId: event.deliveryId, reason: "The customer confirmed the delivery")
            default: break
            }
        }
        // A cancellation before pickup refunds by the cancellation policy, in the cancellation's transaction.
        app.events.subscribe(DeliveryCancelled.self, name: "payments.refund-cancellation") { event, context in
            try await CancellationRefunds(context: context.callContext).refund(event)
        }
        app.jobs.register(RefundQueue.job, payload: RefundQueue.Payload.self) { payload, context in
            try await RefundQueue(context: context.callContext).send(payload.refundId)
        }
        app.jobs.register(PaymentIntents.unbookedRefundJob, payload: PaymentIntents.UnbookedRefund.self) {
            payload, context in
            try await PaymentIntents(context: context.callContext).retryUnbookedRefund(payload)
        }
        app.jobs.schedule(
            RecurringTask(name: "payments.abandon-authentications", every: 60) { context in
                try await PaymentIntents(context: context.callContext).abandonExpiredAuthentications()
            })
        app.jobs.register(Payouts.job, payload: Payouts.Payload.self) { payload, context in
            try await Payouts(context: context.callContext).send(payload.payoutId)
        }
        app.jobs.schedule(
            RecurringTask(name: "payments.standard-payouts", every: PayoutRules.standardInterval) { context in
                try await Payouts(context: context.callContext).payAllAvailable()
            })
        app.jobs.schedule(
            RecurringTask(name: "payments.release-held", every: 600) { context in
                try await EscrowRelease(context: context.callContext).releaseDue()
            })
        app.jobs.schedule(
            RecurringTask(name: "payments.clear-earnings", every: 3600) { context in
                try await EarningsClearing(context: context.callContext).clearDue()
            })
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: PaymentController())
        try api.register(collection: PayoutController())
        try api.register(collection: WebhookController())
        try api.register(collection: AdminLedgerController())
        try api.register(collection: AdminPricingFactorController())
        try api.register(collection: ExchangeRateController())
    }
}
