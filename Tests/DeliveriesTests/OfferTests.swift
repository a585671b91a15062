import Foundation
import TestSupport
import Testing

@Suite("Deliveries: offers")
struct OfferTests {
    @Test("a traveler offers on their own upcoming trip; the customer lists, the traveler updates and withdraws")
    func lifecycle() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let created = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers", json: t.offerBody(tripId: tripId),
                token: traveler.accessToken)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.status") == "pending")
            #expect(created["data.price.amount"] as? Int == 4500)
            #expect(created.string("data.validUntil") == t.isoTime(inHours: 48))
            let offerId = try #require(created.string("data.id"))

            let listed = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)/offers", token: customer.accessToken)
            #expect(listed.list.count == 1)
            let updated = try await t.request(
                .PUT, "/api/v1/offers/\(offerId)", json: ["price": 4000, "message": "Cheaper"],
                token: traveler.accessToken)
            #expect(updated["data.price.amount"] as? Int == 4000)
            let notMine = try await t.request(
                .PUT, "/api/v1/offers/\(offerId)", json: ["price": 1], token: customer.accessToken)
            #expect(notMine.status == .forbidden)
            #expect(notMine.code == "NOT_OFFER_OWNER")
            let mine = try await t.request(.GET, "/api/v1/offers/my-offers", token: traveler.accessToken)
            #expect(mine.list.count == 1)
            let withdrawn = try await t.request(.DELETE, "/api/v1/offers/\(offerId)", token: traveler.accessToken)
            #expect(withdrawn.string("data.status") == "withdrawn")
            let again = try await t.request(.DELETE, "/api/v1/offers/\(offerId)", token: traveler.accessToken)
            #expect(again.status == .conflict)
            #expect(again.code == "OFFER_NOT_PENDING")
            // Withdrawn, the traveler may offer again.
            _ = try await t.createOffer(by: traveler, on: requestId, tripId: tripId, price: 4200)
            let stats = try await t.request(.GET, "/api/v1/offers/statistics", token: traveler.accessToken)
            #expect(stats["data.offers.total"] as? Int == 2)
            #expect(stats["data.offers.withdrawn"] as? Int == 1)
        }
    }

    @Test("offer rules: own trip with room, one live offer, price within the maximum, never on your own request")
    func rules() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let other = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "both")
            let tripId = try await t.createTrip(for: traveler)
            let smallTrip = try await t.createTrip(for: traveler, t.tripBody(weight: 1))
            let othersTrip = try await t.createTrip(for: other)
            let requestId = try await t.createRequest(for: customer)
            let path = "/api/v1/delivery-requests/\(requestId)/offers"
            func offer(_ body: [String: Any], _ account: TestAccount = traveler) async throws -> APIResponse {
                try await t.request(.POST, path, json: body, token: account.accessToken)
            }
            let tooDear = try await offer(t.offerBody(tripId: tripId, price: 6001))
            #expect(tooDear.status == .unprocessableEntity)
            #expect(tooDear.code == "PRICE_ABOVE_MAXIMUM")
            let foreignTrip = try await offer(t.offerBody(tripId: othersTrip))
            #expect(foreignTrip.status == .forbidden)
            #expect(foreignTrip.code == "NOT_TRIP_OWNER")
            let full = try await offer(t.offerBody(tripId: smallTrip))
            #expect(full.status == .conflict)
            #expect(full.code == "INSUFFICIENT_CAPACITY")
            let badTimes = try await offer(
                t.offerBody(tripId: tripId, overrides: ["estimatedDeliveryTime": t.isoTime(inHours: 30)]))
            #expect(badTimes.status == .unprocessableEntity)
            #expect(badTimes.errors == ["estimatedDeliveryTime must be after estimatedPickupTime"])
            let missing = try await offer(["tripId": tripId])
            #expect(missing.errors.contains("price is required"))
            _ = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let second = try await offer(t.offerBody(tripId: tripId))
            #expect(second.status == .conflict)
            #expect(second.code == "OFFER_ALREADY_EXISTS")

            let customerTrip = try await t.createTrip(for: customer)
            let own = try await offer(t.offerBody(tripId: customerTrip), customer)
            #expect(own.status == .unprocessableEntity)
            #expect(own.code == "CANNOT_OFFER_ON_OWN_REQUEST")
            let excluded = try await t.createRequest(
                for: customer, t.requestBody(overrides: ["blacklistedTravelers": [other.id]]))
            let blacklisted = try await t.request(
                .POST, "/api/v1/delivery-requests/\(excluded)/offers", json: t.offerBody(tripId: othersTrip),
                token: other.accessToken)
            #expect(blacklisted.status == .forbidden)
            #expect(blacklisted.code == "TRAVELER_EXCLUDED")
            let picky = try await t.createRequest(for: customer, t.requestBody(overrides: ["minTravelerRating": 4.5]))
            let unrated = try await t.request(
                .POST, "/api/v1/delivery-requests/\(picky)/offers", json: t.offerBody(tripId: othersTrip),
                token: other.accessToken)
            #expect(unrated.status == .forbidden)
            #expect(unrated.code == "TRAVELER_RATING_TOO_LOW")
            let customerOnly = try await t.signUp(userType: "customer")
            let notTraveler = try await offer(t.offerBody(tripId: tripId), customerOnly)
            #expect(notTraveler.status == .forbidden)
        }
    }

    @Test("the customer declines; offers expire at validUntil")
    func declineAndExpire() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let byTraveler = try await t.request(
                .POST, "/api/v1/offers/\(offerId)/decline", token: traveler.accessToken)
            #expect(byTraveler.status == .forbidden)
            let declined = try await t.request(
                .POST, "/api/v1/offers/\(offerId)/decline", json: ["reason": "Too late for me"],
                token: customer.accessToken)
            #expect(declined.string("data.status") == "declined")
            #expect(declined.string("data.declinedReason") == "Too late for me")

            let second = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers",
                json: t.offerBody(tripId: tripId, overrides: ["validUntil": t.isoTime(inHours: 5)]),
                token: traveler.accessToken)
            let secondId = try #require(second.string("data.id"))
            t.clock.advance(by: 5 * 3600 + 60)
            try await t.runJobs()
            let fresh = try await t.logIn(customer)
            let expired = try await t.request(.GET, "/api/v1/offers/\(secondId)", token: fresh.accessToken)
            #expect(expired.string("data.status") == "expired")
            let late = try await t.accept(secondId, by: fresh)
            #expect(late.status == .conflict)
            #expect(late.code == "OFFER_NOT_PENDING")
        }
    }

    @Test("an offer past its validUntil cannot be accepted, even before the scheduler marks it expired")
    func acceptAfterValidUntil() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let offer = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers",
                json: t.offerBody(tripId: tripId, overrides: ["validUntil": t.isoTime(inHours: 1)]),
                token: traveler.accessToken)
            let offerId = try #require(offer.string("data.id"))
            t.clock.advance(by: 3600 + 60)
            let fresh = try await t.logIn(customer)
            let late = try await t.accept(offerId, by: fresh)
            #expect(late.status == .conflict)
            #expect(late.code == "OFFER_EXPIRED")
        }
    }

    @Test("an offer at or under the request's auto-accept price is paid with the saved card and booked")
    func autoAccept() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(
                for: customer,
                t.requestBody(overrides: ["autoAcceptPrice": 4000, "autoAcceptPaymentMethod": "pm_card_visa"]))
            let dear = try await t.createOffer(by: traveler, on: requestId, tripId: tripId, price: 4500)
            try await t.request(.DELETE, "/api/v1/offers/\(dear)", token: traveler.accessToken)
            let cheap = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers", json: t.offerBody(tripId: tripId, price: 3900),
                token: traveler.accessToken)
            #expect(cheap.status == .created, "\(cheap.text)")
            #expect(cheap.string("data.status") == "pending", "the charge runs after the offer is made")
            let cheapId = try #require(cheap.string("data.id"))
            try await t.runJobs()
            let offer = try await t.request(.GET, "/api/v1/offers/\(cheapId)", token: customer.accessToken)
            #expect(offer.string("data.status") == "accepted")
            let request = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)", token: customer.accessToken)
            #expect(request.string("data.status") == "matched")
            let deliveries = try await t.request(.GET, "/api/v1/deliveries", token: customer.accessToken)
            let deliveryId = try #require(deliveries.list.first?["id"] as? String)
            let history = try await t.request(
                .GET, "/api/v1/deliveries/\(deliveryId)/history", token: customer.accessToken)
            #expect(history.list.first?["actorRole"] as? String == "system")
            let codes = try await t.request(
                .GET, "/api/v1/qr-codes/delivery/\(deliveryId)", token: customer.accessToken)
            #expect(codes.list.count == 2)
        }
    }

    @Test("an auto-accept whose saved card is declined leaves the offer pending for the customer")
    func autoAcceptDeclined() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(
                for: customer,
                t.requestBody(overrides: [
                    "autoAcceptPrice": 5000, "autoAcceptPaymentMethod": "pm_card_chargeDeclinedInsufficientFunds",
                ]))
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            try await t.runJobs()
            let offer = try await t.request(.GET, "/api/v1/offers/\(offerId)", token: customer.accessToken)
            #expect(offer.string("data.status") == "pending")
            let failed = try await t.request(.GET, "/api/v1/payments/history", token: customer.accessToken)
            #expect(failed.list.first?["declineCode"] as? String == "insufficient_funds")
            let byHand = try await t.accept(offerId, by: customer)
            #expect(byHand.status == .ok, "\(byHand.text)")
        }
    }
}
