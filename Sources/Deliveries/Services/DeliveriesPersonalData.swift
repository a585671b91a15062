import Fluent
import Payments
import Platform
import Vapor

/// What the Deliveries module holds about a user, for export and erasure (section `deliveries`).
///
/// Erasure refuses while the user holds or awaits an item (a delivery between pickup and completion): the
/// other party needs them reachable. Otherwise it cancels pending requests, withdraws pending offers, cancels
/// bookings not yet picked up, and replaces contact names, phones, instructions and free text in the user's
/// requests, offers and deliveries. Prices, states and history stay: they are the other party's records too.
enum DeliveriesPersonalData {
    static let erased = "[erased]"

    static var section: PersonalDataRegistry.Section {
        PersonalDataRegistry.Section(name: "deliveries", export: export, erase: erase)
    }

    @Sendable static func export(userId: UUID, db: any Database) async throws -> JSONValue {
        let requests = try await DeliveryRequest.query(on: db).filter(\.$customer.$id == userId).sort(\.$createdAt)
            .all()
        let offers = try await DeliveryOffer.query(on: db).filter(\.$traveler.$id == userId).sort(\.$createdAt).all()
        let pricing = try await PricingFactorSet.load(on: db)
        let deliveries = try await Delivery.query(on: db)
            .group(.or) { $0.filter(\.$customer.$id == userId).filter(\.$traveler.$id == userId) }
            .sort(\.$createdAt).all()
        return .object([
            "requests": try JSONValue.from(
                requests.map { try DeliveryRequestResponse($0, view: .full, pricing: pricing, at: Date()) }),
            "offers": try JSONValue.from(offers.map { try OfferResponse($0) }),
            "deliveries": try JSONValue.from(deliveries.map(DeliveryResponse.init)),
        ])
    }

    @Sendable static func erase(userId: UUID, context: CallContext) async throws {
        let db = context.db
        let deliveries = try await Delivery.query(on: db)
            .group(.or) { $0.filter(\.$customer.$id == userId).filter(\.$traveler.$id == userId) }.all()
        if deliveries.contains(where: { [.pickedUp, .inTransit, .delivered, .disputed].contains($0.status) }) {
            throw APIError.conflict(
                "An item you carry or await is still under way: finish or dispute that delivery first",
                code: "ACCOUNT_HAS_LIVE_DELIVERIES")
        }
        let lifecycle = DeliveryLifecycle(context: context)
        for delivery in deliveries where [.accepted, .pickupReady].contains(delivery.status) {
            let role: DeliveryStatus.Actor = delivery.$customer.id == userId ? .customer : .traveler
            try await lifecycle.move(
                delivery, to: .cancelled, actor: userId, role: role, reason: "Account deleted")
        }
        for delivery in deliveries {
            delivery.specialRequests = nil
            delivery.deliveryNotes = nil
            try await delivery.save(on: db)
        }
        let closing = OfferClosing(context: context)
        for offer in try await DeliveryOffer.query(on: db).filter(\.$traveler.$id == userId).all() {
            if offer.status == .pending {
                let customerId = try await DeliveryRequest.find(offer.$request.id, on: db)?.$customer.id ?? userId
                try await closing.close(
                    offer, customerId: customerId, outcome: .withdrawn, reason: "Account deleted")
            }
            offer.message = nil
            try await offer.save(on: db)
        }
        let now = context.now
        for request in try await DeliveryRequest.query(on: db).filter(\.$customer.$id == userId).all() {
            if request.status == .pending {
                request.status = .cancelled
                request.cancelledAt = now
                request.cancellationReason = "Account deleted"
                try await closing.closePending(
                    of: request, outcome: .declined, reason: "The request was withdrawn")
            }
            request.pickupContactName = erased
            request.pickupContactPhone = erased
            request.deliveryContactName = erased
            request.deliveryContactPhone = erased
            request.pickupInstructions = nil
            request.deliveryInstructions = nil
            request.specialInstructions = nil
            request.description = nil
            request.itemDescription = nil
            request.itemImages = []
            try await request.save(on: db)
        }
    }
}
