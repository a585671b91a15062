import Fluent
import Platform
import Trips
import Vapor

/// What moves requests, offers and deliveries without a participant: other modules' events and the clock.
enum DeliveryAutomation {
    /// A delivered item the customer never confirms completes by itself after this long.
    static let autoCompleteAfter: TimeInterval = 48 * 3600

    static func install(on app: Application) {
        let events = app.events
        // A cancelled trip cancels its deliveries not yet picked up; one that carries items cannot be cancelled.
        events.subscribe(TripCancelled.self, name: "deliveries.trip-cancelled") { event, context in
            let deliveries = try await Delivery.query(on: context.db).filter(\.$trip.$id == event.tripId).all()
            if deliveries.contains(where: { [.pickedUp, .inTransit].contains($0.status) }) {
                throw DeliveriesError.tripCarriesItems
            }
            let lifecycle = DeliveryLifecycle(context: context.callContext)
            for delivery in deliveries where [.accepted, .pickupReady].contains(delivery.status) {
                try await lifecycle.move(
                    delivery, to: .cancelled, actor: event.cancelledBy, role: .system,
                    reason: "The traveler cancelled the trip: \(event.reason)")
            }
            let pending = try await DeliveryOffer.query(on: context.db).filter(\.$trip.$id == event.tripId)
                .filter(\.$status == .pending).all()
            let closing = OfferClosing(context: context.callContext)
            for offer in pending {
                let customerId =
                    try await DeliveryRequest.find(offer.$request.id, on: context.db)?.$customer.id ?? event.travelerId
                try await closing.close(
                    offer, customerId: customerId, outcome: .withdrawn, reason: "Trip cancelled")
            }
        }
        events.subscribe(TripUpdated.self, name: "deliveries.trip-updated") { event, context in
            let live = try await Delivery.query(on: context.db).filter(\.$trip.$id == event.tripId).all()
                .filter { $0.status.isLive }
            for delivery in live {
                try await context.callContext.publish(
                    DeliveryTripChanged(
                        deliveryId: try delivery.requireID(), tripId: event.tripId, customerId: delivery.$customer.id,
                        travelerId: delivery.$traveler.id, changes: event.changes))
            }
        }
        // The trip left: items on board are in transit.
        events.subscribe(TripStatusChanged.self, name: "deliveries.trip-started") { event, context in
            guard event.to == TripStatus.active.rawValue else { return }
            let onBoard = try await Delivery.query(on: context.db).filter(\.$trip.$id == event.tripId)
                .filter(\.$status == .pickedUp).all()
            let lifecycle = DeliveryLifecycle(context: context.callContext)
            for delivery in onBoard {
                try await lifecycle.move(
                    delivery, to: .inTransit, actor: nil, role: .system, reason: "The trip departed")
            }
        }
        // A customer's payment succeeded: book what it pays for, in the payment's transaction.
        events.subscribe(PaymentIntentSucceeded.self, name: "deliveries.book-paid-offer") { event, context in
            try await OfferAcceptance(context: context.callContext).book(paidBy: event)
        }
        // A chargeback on the delivery's payment opens a dispute, in the webhook's transaction.
        events.subscribe(ChargebackOpened.self, name: "deliveries.chargeback-dispute") { event, context in
            let opening = DisputeService.Opening(
                category: .chargeback,
                description: "Card issuer's chargeback \(event.providerDisputeId): \(event.reason)",
                requestedResolution: .fullRefund, source: "chargeback")
            do {
                _ = try await DisputeService(context: context.callContext).open(
                    on: event.deliveryId, opening, by: nil)
            } catch DisputeError.alreadyOpen {
                // The members' dispute already holds the money; the chargeback joins its file.
            }
        }
        app.jobs.register(OfferAcceptance.automaticJob, payload: OfferAcceptance.AutomaticAcceptance.self) {
            payload, context in
            try await OfferAcceptance(context: context.callContext).acceptAutomatically(payload.offerId)
        }
        events.subscribe(HandoffVerified.self, name: "deliveries.handoff-verified") { event, context in
            guard let delivery = try await Delivery.find(event.deliveryId, on: context.db) else { return }
            let next: DeliveryStatus = event.handoff == .pickup ? .pickedUp : .delivered
            try await DeliveryLifecycle(context: context.callContext).move(
                delivery, to: next, actor: event.verifiedBy, role: .system,
                reason: "Handoff verified (\(event.method))",
                metadata: ["method": .string(event.method), "verifiedBy": .string(event.verifiedBy.uuidString)])
        }
        app.jobs.schedule(
            RecurringTask(name: "deliveries.expire", every: 60) { context in
                try await expire(context: context.callContext)
            })
    }

    /// Expires requests and offers past their time, and completes deliveries nobody confirmed.
    static func expire(context: CallContext) async throws {
        let now = context.now
        let db = context.db
        let lapsedRequests = try await DeliveryRequest.query(on: db).filter(\.$status == .pending)
            .filter(\.$expiresAt <= now).limit(500).all()
        for request in lapsedRequests {
            try await db.transaction { tx in
                guard let current = try await DeliveryRequest.find(request.requireID(), on: tx),
                    current.status == .pending
                else { return }
                current.status = .expired
                try await current.save(on: tx)
                try await OfferClosing(context: context.on(tx)).closePending(
                    of: current, outcome: .expired, reason: "The request expired")
            }
        }
        let lapsedOffers = try await DeliveryOffer.query(on: db).filter(\.$status == .pending)
            .filter(\.$validUntil <= now).with(\.$request).limit(500).all()
        for offer in lapsedOffers {
            try await db.transaction { tx in
                guard let current = try await DeliveryOffer.find(offer.requireID(), on: tx), current.status == .pending
                else { return }
                try await OfferClosing(context: context.on(tx)).close(
                    current, customerId: offer.request.$customer.id, outcome: .expired, reason: nil)
            }
        }
        let unconfirmed = try await Delivery.query(on: db).filter(\.$status == .delivered)
            .filter(\.$deliveryCompletedAt <= now.addingTimeInterval(-autoCompleteAfter)).limit(500).all()
        for delivery in unconfirmed {
            try await db.transaction { tx in
                guard let current = try await Delivery.find(delivery.requireID(), on: tx), current.status == .delivered
                else { return }
                try await DeliveryLifecycle(context: context.on(tx)).move(
                    current, to: .completed, actor: nil, role: .system,
                    reason: "Completed automatically 48 hours after delivery")
            }
        }
    }
}
