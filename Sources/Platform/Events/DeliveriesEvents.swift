import Foundation

/// Events published by the `Deliveries` module.

/// A customer posted a delivery request.
public struct DeliveryRequestCreated: DomainEvent {
    public static let eventType = "deliveries.request_created"
    public var requestId: UUID
    public var customerId: UUID
    public var aggregateId: UUID { requestId }

    public init(requestId: UUID, customerId: UUID) {
        self.requestId = requestId
        self.customerId = customerId
    }
}

/// Matching found travelers whose trips fit a request; notifications tell them about it.
public struct PotentialTravelersMatched: DomainEvent {
    public static let eventType = "deliveries.potential_travelers_matched"
    public var requestId: UUID
    public var customerId: UUID
    /// Trip and traveler of each match, best first.
    public var matches: [MatchedTrip]
    public var aggregateId: UUID { requestId }

    public struct MatchedTrip: Codable, Sendable, Equatable {
        public var tripId: UUID
        public var travelerId: UUID
        public var score: Double

        public init(tripId: UUID, travelerId: UUID, score: Double) {
            self.tripId = tripId
            self.travelerId = travelerId
            self.score = score
        }
    }

    public init(requestId: UUID, customerId: UUID, matches: [MatchedTrip]) {
        self.requestId = requestId
        self.customerId = customerId
        self.matches = matches
    }
}

/// A traveler offered to carry a request's item.
public struct OfferCreated: DomainEvent {
    public static let eventType = "deliveries.offer_created"
    public var offerId: UUID
    public var requestId: UUID
    public var travelerId: UUID
    public var customerId: UUID
    public var aggregateId: UUID { offerId }

    public init(offerId: UUID, requestId: UUID, travelerId: UUID, customerId: UUID) {
        self.offerId = offerId
        self.requestId = requestId
        self.travelerId = travelerId
        self.customerId = customerId
    }
}

/// An offer left the pending state without being accepted: declined, withdrawn or expired.
public struct OfferClosed: DomainEvent {
    public static let eventType = "deliveries.offer_closed"
    public var offerId: UUID
    public var requestId: UUID
    public var travelerId: UUID
    public var customerId: UUID
    /// `declined`, `withdrawn` or `expired`.
    public var outcome: String
    public var reason: String?
    public var aggregateId: UUID { offerId }

    public init(offerId: UUID, requestId: UUID, travelerId: UUID, customerId: UUID, outcome: String, reason: String?) {
        self.offerId = offerId
        self.requestId = requestId
        self.travelerId = travelerId
        self.customerId = customerId
        self.outcome = outcome
        self.reason = reason
    }
}

/// A customer accepted an offer: a delivery exists and the trip's capacity is reserved. Payments holds the
/// price in escrow, QR codes issues the handoff codes, location sets up geofences, notifications tell both.
public struct OfferAccepted: DomainEvent {
    public static let eventType = "deliveries.offer_accepted"
    public var offerId: UUID
    public var requestId: UUID
    public var deliveryId: UUID
    public var deliveryNumber: String
    public var customerId: UUID
    public var travelerId: UUID
    public var tripId: UUID
    /// Minor units of `currency`.
    public var finalPrice: Int64
    public var currency: String
    /// True when the request's or the trip's auto-accept rule accepted it.
    public var automatic: Bool
    public var aggregateId: UUID { deliveryId }

    public init(
        offerId: UUID, requestId: UUID, deliveryId: UUID, deliveryNumber: String, customerId: UUID, travelerId: UUID,
        tripId: UUID, finalPrice: Int64, currency: String, automatic: Bool
    ) {
        self.offerId = offerId
        self.requestId = requestId
        self.deliveryId = deliveryId
        self.deliveryNumber = deliveryNumber
        self.customerId = customerId
        self.travelerId = travelerId
        self.tripId = tripId
        self.finalPrice = finalPrice
        self.currency = currency
        self.automatic = automatic
    }
}

/// A delivery moved from one status to another.
public struct DeliveryStatusChanged: DomainEvent {
    public static let eventType = "deliveries.status_changed"
    public var deliveryId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    public var from: String
    public var to: String
    /// Who moved it; nil for the scheduler or another module's event.
    public var actorId: UUID?
    public var reason: String?
    public var aggregateId: UUID { deliveryId }

    public init(
        deliveryId: UUID, customerId: UUID, travelerId: UUID, from: String, to: String, actorId: UUID?,
        reason: String?
    ) {
        self.deliveryId = deliveryId
        self.customerId = customerId
        self.travelerId = travelerId
        self.from = from
        self.to = to
        self.actorId = actorId
        self.reason = reason
    }
}

/// A delivery was cancelled before pickup; the payments module refunds the customer's escrow from it.
public struct DeliveryCancelled: DomainEvent {
    public static let eventType = "deliveries.delivery_cancelled"
    public var deliveryId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    public var tripId: UUID
    /// The user who cancelled; nil when a trip cancellation cascaded.
    public var cancelledBy: UUID?
    /// `customer`, `traveler`, `admin` or `system`.
    public var cancelledByRole: String
    public var reason: String
    /// Minor units of `currency`: what the customer was to pay.
    public var finalPrice: Int64
    public var currency: String
    /// When the pickup was due: the cancellation policy's refund depends on how long before it the cancellation
    /// came.
    public var pickupDueAt: Date?
    public var aggregateId: UUID { deliveryId }

    public init(
        deliveryId: UUID, customerId: UUID, travelerId: UUID, tripId: UUID, cancelledBy: UUID?,
        cancelledByRole: String, reason: String, finalPrice: Int64, currency: String, pickupDueAt: Date? = nil
    ) {
        self.deliveryId = deliveryId
        self.customerId = customerId
        self.travelerId = travelerId
        self.tripId = tripId
        self.cancelledBy = cancelledBy
        self.cancelledByRole = cancelledByRole
        self.reason = reason
        self.finalPrice = finalPrice
        self.currency = currency
        self.pickupDueAt = pickupDueAt
    }
}

/// A trip a live delivery rides on changed (schedule, capacity, pricing, restrictions): tell both parties.
public struct DeliveryTripChanged: DomainEvent {
    public static let eventType = "deliveries.trip_changed"
    public var deliveryId: UUID
    public var tripId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    public var changes: [String]
    public var aggregateId: UUID { deliveryId }

    public init(deliveryId: UUID, tripId: UUID, customerId: UUID, travelerId: UUID, changes: [String]) {
        self.deliveryId = deliveryId
        self.tripId = tripId
        self.customerId = customerId
        self.travelerId = travelerId
        self.changes = changes
    }
}

/// A dispute was opened on a delivery; its money is held.
public struct DisputeOpened: DomainEvent {
    public static let eventType = "deliveries.dispute_opened"
    public var disputeId: UUID
    public var deliveryId: UUID
    public var caseNumber: String
    public var complainantId: UUID
    public var respondentId: UUID
    public var category: String
    public var aggregateId: UUID { disputeId }

    public init(
        disputeId: UUID, deliveryId: UUID, caseNumber: String, complainantId: UUID, respondentId: UUID,
        category: String
    ) {
        self.disputeId = disputeId
        self.deliveryId = deliveryId
        self.caseNumber = caseNumber
        self.complainantId = complainantId
        self.respondentId = respondentId
        self.category = category
    }
}

/// An admin resolved a dispute; both parties are told the outcome.
public struct DisputeResolved: DomainEvent {
    public static let eventType = "deliveries.dispute_resolved"
    public var disputeId: UUID
    public var deliveryId: UUID
    public var caseNumber: String
    public var complainantId: UUID
    public var respondentId: UUID
    /// `full_refund`, `partial_refund`, `release` or `split`.
    public var resolution: String
    public var customerAmount: Int64
    public var travelerAmount: Int64
    public var currency: String
    public var aggregateId: UUID { disputeId }

    public init(
        disputeId: UUID, deliveryId: UUID, caseNumber: String, complainantId: UUID, respondentId: UUID,
        resolution: String, customerAmount: Int64, travelerAmount: Int64, currency: String
    ) {
        self.disputeId = disputeId
        self.deliveryId = deliveryId
        self.caseNumber = caseNumber
        self.complainantId = complainantId
        self.respondentId = respondentId
        self.resolution = resolution
        self.customerAmount = customerAmount
        self.travelerAmount = travelerAmount
        self.currency = currency
    }
}
