import Fluent
import Platform
import Users
import Vapor

/// Travelers' offers on requests, and customers accepting or declining them.
struct OfferController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let authenticated = routes.grouped(RoleGuard.authenticated)
        authenticated.grouped("delivery-requests", ":requestId", "offers").grouped(RoleGuard.traveler)
            .post(use: create).doc(
                "Offer to carry a request's item on one of your trips", body: OfferInput.self, status: 201)
        authenticated.get("delivery-requests", ":requestId", "offers", use: forRequest)
            .doc("A request's offers (all for its customer, your own for a traveler)")
        let offers = authenticated.grouped("offers")
        offers.get("my-offers", use: mine).doc("The signed-in traveler's offers, newest first (?status=)")
        offers.get(":offerId", use: show).doc("One offer")
        offers.put(":offerId", use: update).doc(
            "Change a pending offer's price, times or message", body: OfferInput.self)
        offers.delete(":offerId", use: withdraw).doc("Withdraw a pending offer")
        offers.post(":offerId", "decline", use: decline).doc(
            "Decline an offer on your request", body: ReasonInput.self, rules: ["reason": .text(upTo: 500)],
            bodyOptional: true)
        offers.grouped(IdempotencyMiddleware()).post(":offerId", "accept", use: accept)
            .doc(
                "Accept an offer and pay: books the delivery, holds the payment in escrow and issues the handoff"
                    + " codes; 202 when the card needs authentication, 402 when it is declined (honours"
                    + " Idempotency-Key)",
                body: AcceptOfferInput.self, also: [202, 402])
        authenticated.grouped("payments").grouped(IdempotencyMiddleware()).post("intents", use: payForOffer)
            .doc(
                "Pay for an offer: the same as accepting it (202 when the card needs authentication, 402 when it is"
                    + " declined; honours Idempotency-Key)",
                body: PaymentForOfferInput.self, also: [202, 402, 404])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(OfferInput.self)
        let principal = try req.principal
        let (offer, autoAccepting) = try await OfferService(context: req.callContext).create(
            on: try req.deliveryRequestId.uuid, input, by: principal)
        let response = try await responses([offer], context: req.callContext)[0]
        let message =
            autoAccepting
            ? "Offer sent: it meets the customer's auto-accept price, so their saved card is being charged"
            : "Offer sent"
        return try await Envelope(response, message: message).response(status: .created, for: req)
    }

    @Sendable func forRequest(req: Request) async throws -> Envelope<[OfferResponse]> {
        let page = try await OfferQueries(context: req.callContext).offers(
            on: try req.deliveryRequestId, visibleTo: try req.principal, page: try PageQuery(from: req))
        return Envelope(try await responses(page.items, context: req.callContext), pagination: page.pagination)
    }

    @Sendable func mine(req: Request) async throws -> Envelope<[OfferResponse]> {
        let page = try await OfferQueries(context: req.callContext).offers(
            by: try req.principal.userId, status: try req.filter("status", as: OfferStatus.self),
            page: try PageQuery(from: req))
        return Envelope(try await responses(page.items, context: req.callContext), pagination: page.pagination)
    }

    @Sendable func show(req: Request) async throws -> Envelope<OfferResponse> {
        let offer = try await OfferQueries(context: req.callContext).offer(
            try req.offerId, visibleTo: try req.principal)
        return Envelope(try await responses([offer], context: req.callContext)[0])
    }

    @Sendable func update(req: Request) async throws -> Envelope<OfferResponse> {
        let input = try req.content.decode(OfferInput.self)
        let offer = try await OfferService(context: req.callContext).update(
            try req.offerId, with: input, by: try req.principal)
        return Envelope(try await responses([offer], context: req.callContext)[0], message: "Offer updated")
    }

    @Sendable func withdraw(req: Request) async throws -> Envelope<OfferResponse> {
        let offer = try await OfferService(context: req.callContext).withdraw(try req.offerId, by: try req.principal)
        return Envelope(try await responses([offer], context: req.callContext)[0], message: "Offer withdrawn")
    }

    @Sendable func decline(req: Request) async throws -> Envelope<OfferResponse> {
        let body = try req.optionalBody(ReasonInput.self, else: ReasonInput())
        let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (reason?.count ?? 0) <= 500 else { throw APIError.validation(["reason must be at most 500 characters"]) }
        let offer = try await OfferService(context: req.callContext).decline(
            try req.offerId, reason: reason, by: try req.principal)
        return Envelope(try await responses([offer], context: req.callContext)[0], message: "Offer declined")
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let input = try req.optionalBody(AcceptOfferInput.self, else: AcceptOfferInput()).validated()
        return try await accept(try req.offerId, input, req)
    }

    /// `POST /payments/intents`: the payment's side of the same acceptance.
    @Sendable func payForOffer(req: Request) async throws -> Response {
        let body = try req.content.decode(PaymentForOfferInput.self)
        guard let offerId = body.offerId else { throw APIError.validation(["offerId is required"]) }
        return try await accept(OfferID(offerId), try body.acceptance.validated(), req)
    }

    private func accept(_ offerId: OfferID, _ input: OfferAcceptanceInput, _ req: Request) async throws -> Response {
        let result = try await OfferAcceptance(context: req.callContext).accept(
            offerId, by: try req.principal, input: input)
        guard let delivery = result.delivery else {
            return try await Envelope(
                result, message: "The card needs authentication: complete it, then confirm the payment"
            ).response(status: .accepted, for: req)
        }
        return try await Envelope(result, message: "Offer accepted: delivery \(delivery.deliveryNumber) is booked")
            .response(status: .ok, for: req)
    }

    private func responses(_ offers: [DeliveryOffer], context: CallContext) async throws -> [OfferResponse] {
        let travelers = try await MemberDirectory.summaries(of: offers.map { $0.$traveler.id }, on: context.db)
        return try offers.map { offer in try OfferResponse(offer, traveler: travelers[offer.$traveler.id]) }
    }
}

extension Request {
    var offerId: OfferID {
        get throws {
            guard let raw = parameters.get("offerId"), let id = UUID(uuidString: raw) else {
                throw DeliveriesError.offerNotFound
            }
            return OfferID(id)
        }
    }
}
