import Auth
import Fluent
import Payments
import Platform
import Trips
import Users
import Vapor

/// Posting, reading, editing, cancelling and copying delivery requests.
struct DeliveryRequestService {
    let context: CallContext

    func create(_ input: DeliveryRequestInput, by customer: UserID) async throws -> DeliveryRequest {
        let customerId = customer.uuid
        let customer = try await context.currentUser()
        let request = DeliveryRequest(customerId: customerId)
        try await editor(customerId: customerId, currency: customer.preferredCurrency).apply(
            input, to: request, isNew: true)
        return try await save(request, created: true)
    }

    /// A request as `principal` may see it: pending ones to every member not blocked by the customer; others only
    /// to their customer, the traveler carrying it and admins.
    func visibleRequest(_ requestID: DeliveryRequestID, to principal: Principal) async throws -> DeliveryRequest {
        let id = requestID.uuid
        guard let request = try await DeliveryRequest.find(id, on: context.db) else {
            throw DeliveriesError.requestNotFound
        }
        if request.$customer.id == principal.userId || principal.isAdmin { return request }
        if request.status == .pending {
            if try await MemberDirectory.isBlocked(between: principal.userId, and: request.$customer.id, on: context.db)
            {
                throw DeliveriesError.requestNotFound
            }
            return request
        }
        let carries = try await Delivery.query(on: context.db).filter(\.$request.$id == id)
            .filter(\.$traveler.$id == principal.userId).count()
        guard carries > 0 else { throw DeliveriesError.requestNotFound }
        return request
    }

    /// The customer's own request (admins may act on any).
    func ownRequest(
        _ requestID: DeliveryRequestID, by principal: Principal, on db: any Database
    ) async throws -> DeliveryRequest {
        let id = requestID.uuid
        guard let request = try await DeliveryRequest.find(id, on: db) else { throw DeliveriesError.requestNotFound }
        guard request.$customer.id == principal.userId || principal.isAdmin else {
            throw request.status == .pending ? DeliveriesError.notYourRequest : DeliveriesError.requestNotFound
        }
        return request
    }

    func update(
        _ requestID: DeliveryRequestID, with input: DeliveryRequestInput, by principal: Principal
    ) async throws -> DeliveryRequest {
        let id = requestID.uuid
        let request = try await ownRequest(requestID, by: principal, on: context.db)
        guard request.status == .pending else { throw DeliveriesError.requestNotEditable }
        try await editor(customerId: request.$customer.id, currency: request.currency).apply(
            input, to: request, isNew: false)
        return try await context.db.transaction { db in
            // Re-checked under the write: an offer accepted meanwhile wins.
            guard let current = try await DeliveryRequest.find(id, on: db), current.status == .pending else {
                throw DeliveriesError.requestNotEditable
            }
            try await request.save(on: db)
            try await AuditTrail.record(
                "delivery_request_updated", category: "deliveries", userId: principal.userId,
                entityType: "delivery_request", entityId: requestID.description, context: context.on(db))
            return request
        }
    }

    /// Cancels a pending request and declines its pending offers.
    func cancel(_ requestID: DeliveryRequestID, reason: String, by principal: Principal) async throws -> DeliveryRequest
    {
        return try await context.db.transaction { db in
            let request = try await ownRequest(requestID, by: principal, on: db)
            guard request.status == .pending else {
                throw request.status == .matched
                    ? APIError(
                        .conflict, code: "REQUEST_NOT_OPEN",
                        reason: "The request has a delivery: cancel the delivery instead")
                    : DeliveriesError.requestNotOpen(status: request.status)
            }
            try request.status.requireMove(to: .cancelled)
            request.status = .cancelled
            request.cancelledAt = context.now
            request.cancellationReason = reason
            try await request.save(on: db)
            try await OfferClosing(context: context.on(db))
                .closePending(of: request, outcome: .declined, reason: "The customer cancelled the request")
            try await AuditTrail.record(
                "delivery_request_cancelled", category: "deliveries", userId: principal.userId,
                entityType: "delivery_request", entityId: requestID.description, context: context.on(db))
            return request
        }
    }

    /// A new pending request copied from `original`, with `overrides` applied (new time windows, most often).
    func duplicate(
        _ original: DeliveryRequest, overrides: DeliveryRequestInput, by principal: Principal
    ) async throws
        -> DeliveryRequest
    {
        let copy = original.copy(for: principal.userId)
        try await editor(customerId: principal.userId, currency: original.currency).apply(
            overrides, to: copy, isNew: false)
        guard copy.pickupTimeEnd > context.now else {
            throw APIError.validation(["pickup.timeWindow has passed: give a new pickup.timeWindow"])
        }
        copy.expiresAt = min(copy.pickupTimeEnd, context.now.addingTimeInterval(RequestEditor.maxOpenFor))
        return try await save(copy, created: true)
    }

    func requests(
        of customerId: UUID, status: DeliveryRequestStatus?, page: PageQuery
    ) async throws -> ListPage<DeliveryRequest> {
        let query = DeliveryRequest.query(on: context.db).filter(\.$customer.$id == customerId)
        if let status { query.filter(\.$status == status) }
        return try await query.sort(\.$createdAt, .descending).page(page)
    }

    func response(_ request: DeliveryRequest, viewer: Principal) async throws -> DeliveryRequestResponse {
        try await responses([request], viewer: viewer)[0]
    }

    func responses(_ requests: [DeliveryRequest], viewer: Principal) async throws -> [DeliveryRequestResponse] {
        let customers = try await MemberDirectory.summaries(of: requests.map { $0.$customer.id }, on: context.db)
        let pricing = try await context.pricingFactors()
        return try requests.map { request in
            let view: DeliveryRequestResponse.View =
                request.$customer.id == viewer.userId || viewer.isAdmin ? .full : .public_
            return try DeliveryRequestResponse(
                request, view: view, customer: customers[request.$customer.id], pricing: pricing, at: context.now)
        }
    }

    private func save(_ request: DeliveryRequest, created: Bool) async throws -> DeliveryRequest {
        try await context.db.transaction { db in
            try await request.create(on: db)
            let id = try request.requireID()
            try await context.publish(DeliveryRequestCreated(requestId: id, customerId: request.$customer.id), on: db)
            try await AuditTrail.record(
                "delivery_request_created", category: "deliveries", userId: request.$customer.id,
                entityType: "delivery_request", entityId: id.uuidString, context: context.on(db))
            return request
        }
    }

    private func editor(customerId: UUID, currency: String) async throws -> RequestEditor {
        RequestEditor(
            now: context.now, geocoder: context.geocoder, customerId: customerId, defaultCurrency: currency,
            pricing: try await context.pricingFactors())
    }
}
