import Fluent
import Payments
import Platform
import QRCodes
import SQLKit
import Trips
import Vapor

/// Accepting an offer: the customer pays (or an auto-accept rule pays with the card saved on the request), and
/// the payment's success books the delivery.
///
/// `accept` checks the offer can be accepted and asks `Payments` to charge; the charge happens outside any
/// transaction. A success publishes `PaymentIntentSucceeded`, and `book(paidBy:)` (its subscriber) runs in that
/// transaction: it accepts the offer, declines the request's other offers, matches the request, creates the
/// delivery, reserves the trip's capacity, holds the money in escrow and issues the handoff codes. Every state
/// change is a conditional update, so two accepts racing on one offer, one request or the last capacity of one
/// trip end with exactly one booking; the loser's transaction rolls back whole, its charge is refunded and it
/// answers 409.
struct OfferAcceptance {
    let context: CallContext

    /// The job that carries out an auto-accept rule.
    static let automaticJob = "deliveries.auto-accept"

    struct AutomaticAcceptance: Codable, Sendable {
        var offerId: UUID
    }

    /// The customer's (or an admin's) acceptance with a payment method.
    func accept(
        _ offer: OfferID, by actor: Principal, input: OfferAcceptanceInput
    ) async throws
        -> OfferAcceptanceResult
    {
        let offerId = offer.uuid
        let db = context.db
        guard let offer = try await DeliveryOffer.find(offerId, on: db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: db)
        else { throw DeliveriesError.offerNotFound }
        if request.$customer.id != actor.userId, !actor.isAdmin {
            throw offer.$traveler.id == actor.userId ? DeliveriesError.notYourRequest : DeliveriesError.offerNotFound
        }
        try checkAcceptable(offer, request)
        let intent = try await PaymentIntents(context: context).pay(
            try await order(
                for: offer, request, paidWith: input.paymentMethod, insured: input.insurance, by: actor.userId,
                admin: actor.isAdmin, automatic: false,
                details: BookingDetails(specialRequests: input.specialRequests, handoffSecurity: input.handoffSecurity))
        )
        return try await OfferAcceptanceResult.load(intent, context: context)
    }

    /// An auto-accept rule matched `offer`, inside the transaction that made it (this context's). The charge
    /// runs from the job queue once that transaction has committed: a provider is never called inside one.
    func scheduleAutomaticAcceptance(_ offer: OfferID) async throws {
        try await context.enqueue(Self.automaticJob, payload: AutomaticAcceptance(offerId: offer.uuid))
    }

    /// The auto-accept job: charges the request's saved payment method, and the payment's success books as a
    /// customer's would. An offer no longer acceptable (accepted by hand, withdrawn, expired) or a declined card
    /// ends the job; the offer then waits for the customer like any other.
    func acceptAutomatically(_ offerId: UUID) async throws {
        let db = context.db
        guard let offer = try await DeliveryOffer.find(offerId, on: db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: db),
            let method = request.autoAcceptPaymentMethod,
            let threshold = request.autoAcceptPrice, offer.price <= threshold,
            (try? checkAcceptable(offer, request)) != nil
        else { return }
        do {
            _ = try await PaymentIntents(context: context).pay(
                try await order(
                    for: offer, request, paidWith: method, insured: false, by: request.$customer.id, admin: false,
                    automatic: true, details: BookingDetails()))
        } catch let error as any CodedError where error.status != .serviceUnavailable {
            context.logger.notice("automatic acceptance of offer \(offerId) not made: \(error.code)")
        }
    }

    /// The booking a succeeded payment pays for, in the payment's transaction (the `PaymentIntentSucceeded`
    /// subscriber): the delivery, its escrow, its handoff codes and its tracking session with the pickup and drop
    /// fences.
    func book(paidBy event: PaymentIntentSucceeded) async throws {
        let acceptor =
            event.automatic
            ? DeliveryBooking.Acceptor(userId: nil, role: .system, automatic: true)
            : DeliveryBooking.Acceptor(
                userId: event.acceptedBy, role: event.acceptedByAdmin ? .admin : .customer, automatic: false)
        let details = BookingDetails(event.bookingDetails)
        let delivery = try await book(event.offerId, acceptor: acceptor, specialRequests: details.specialRequests)
        let deliveryId = try delivery.requireID()
        try await PaymentIntents(context: context).settle(event.paymentIntentId, deliveryId: deliveryId)
        try await HandoffCodes.issue(for: delivery, level: details.handoffSecurity, context: context)
        try await TrackingSetup.register(delivery, context: context)
    }

    private func order(
        for offer: DeliveryOffer, _ request: DeliveryRequest, paidWith method: String, insured: Bool, by payer: UUID,
        admin: Bool, automatic: Bool, details: BookingDetails
    ) async throws -> PaymentOrder {
        let currency = Currency(code: offer.currency) ?? PricingFactorSet.tariffCurrency
        let quote = try await context.pricingFactors().feeSchedule(at: context.now, in: currency).quote(
            price: offer.price, currency: offer.currency,
            insuredValue: insured || request.insuranceRequired ? request.value : nil)
        return PaymentOrder(
            offerId: try offer.requireID(), customerId: request.$customer.id, travelerId: offer.$traveler.id,
            acceptedBy: payer, acceptedByAdmin: admin, automatic: automatic, quote: quote, paymentMethod: method,
            description: "P2P Delivery: \(request.title)", bookingDetails: details.encoded)
    }

    private func checkAcceptable(_ offer: DeliveryOffer, _ request: DeliveryRequest) throws {
        guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
        guard offer.validUntil > context.now else { throw DeliveriesError.offerExpired }
        guard request.status == .pending else { throw DeliveriesError.requestNotOpen(status: request.status) }
    }

    private func book(
        _ offerId: UUID, acceptor: DeliveryBooking.Acceptor, specialRequests: String?
    ) async throws -> Delivery {
        let db = context.db
        guard let offer = try await DeliveryOffer.find(offerId, on: db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: db)
        else { throw DeliveriesError.offerNotFound }
        try checkAcceptable(offer, request)
        let now = context.now
        let sql = try db.sqlDatabase
        let acceptedOffer = try await sql.raw(
            """
            UPDATE delivery_offers SET status = \(bind: OfferStatus.accepted.rawValue), accepted_at = \(bind: now), updated_at = \(bind: Date())
            WHERE id = \(bind: offerId) AND status = \(bind: OfferStatus.pending.rawValue) RETURNING id
            """
        ).all()
        guard !acceptedOffer.isEmpty else { throw DeliveriesError.offerNotPending(status: .accepted) }
        let matched = try await sql.raw(
            """
            UPDATE delivery_requests SET status = \(bind: DeliveryRequestStatus.matched.rawValue), updated_at = \(bind: Date())
            WHERE id = \(bind: request.requireID()) AND status = \(bind: DeliveryRequestStatus.pending.rawValue) RETURNING id
            """
        ).all()
        guard !matched.isEmpty else { throw DeliveriesError.requestNotOpen(status: .matched) }
        request.status = .matched
        try await OfferClosing(context: context).closePending(
            of: request, except: offerId, outcome: .declined, reason: "The customer accepted another offer")
        return try await DeliveryBooking.book(
            offer, for: request, number: DeliveryNumber.make(), specialRequests: specialRequests, acceptedBy: acceptor,
            context: context)
    }
}
