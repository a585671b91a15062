import Foundation
import TestSupport
import Testing

/// The core journey of API.md steps 1–8 and 11, over HTTP as clients walk it.
@Suite("Journey: trip, request, match, offer, delivery, reviews")
struct MarketplaceJourneyTests {
    @Test("a traveler and a customer meet through matching and review each other after delivery")
    func journey() async throws {
        try await withTestApp { t in
            // 1–3: both register, verify their e-mail and are signed in.
            let traveler = try await t.signUp("tina.traveler@example.com", userType: "traveler")
            let customer = try await t.signUp("carl.customer@example.com", userType: "customer")

            // 4: the traveler posts a trip.
            let trip = try await t.request(.POST, "/api/v1/trips", json: t.tripBody(), token: traveler.accessToken)
            #expect(trip.status == .created, "\(trip.text)")
            #expect(trip.string("data.status") == "upcoming")
            let tripId = try #require(trip.string("data.id"))

            // 5: the customer posts a request.
            let request = try await t.request(
                .POST, "/api/v1/delivery-requests", json: t.requestBody(), token: customer.accessToken,
                headers: ["Idempotency-Key": "journey-request"])
            #expect(request.status == .created, "\(request.text)")
            #expect(request.string("data.status") == "pending")
            #expect(request["data.estimatedPrice.recommended"] != nil)
            let requestId = try #require(request.string("data.id"))

            // 6: matching finds the trip.
            let matches = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            #expect(matches.status == .ok)
            let match = try #require((matches["data.matches"] as? [[String: Any]])?.first)
            #expect(match["tripId"] as? String == tripId)
            #expect((match["score"] as? Double ?? 0) >= 0.60)
            let breakdown = try #require(match["breakdown"] as? [String: Any])
            #expect(breakdown.count == 4)

            // 7: the traveler offers.
            let offer = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers", json: t.offerBody(tripId: tripId),
                token: traveler.accessToken)
            #expect(offer.status == .created)
            #expect(offer.string("data.status") == "pending")
            let offerId = try #require(offer.string("data.id"))

            // 8: the customer accepts; the delivery exists and the trip's capacity is reserved.
            let accepted = try await t.request(
                .POST, "/api/v1/offers/\(offerId)/accept", json: ["paymentMethod": "pm_card_visa"],
                token: customer.accessToken, headers: ["Idempotency-Key": "journey-accept"])
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.string("data.delivery.status") == "accepted")
            #expect(accepted.string("data.paymentIntent.status") == "succeeded")
            let deliveryId = try #require(accepted.string("data.delivery.deliveryId"))
            let capacity = try await t.request(.GET, "/api/v1/trips/\(tripId)/capacity", token: traveler.accessToken)
            #expect(capacity["data.reserved.weight"] as? Double == 2)
            #expect(capacity["data.available.weight"] as? Double == 8)
            let seen = try await t.request(.GET, "/api/v1/deliveries/\(deliveryId)", token: traveler.accessToken)
            #expect(seen.string("data.deliveryNumber") == accepted.string("data.delivery.deliveryNumber"))

            // 9–10: the traveler scans the sender's code at pickup and the recipient's at the drop; the customer
            // confirms.
            let booking = Booking(
                traveler: traveler, customer: customer, tripId: tripId, requestId: requestId, offerId: offerId,
                deliveryId: deliveryId)
            try await t.complete(booking)

            // 11: both review each other once.
            for (who, rating) in [(customer, 5), (traveler, 4)] {
                let review = try await t.request(
                    .POST, "/api/v1/users/reviews", json: ["deliveryId": deliveryId, "overallRating": rating],
                    token: who.accessToken)
                #expect(review.status == .created, "\(review.text)")
            }
            let travelerStats = try await t.request(
                .GET, "/api/v1/users/\(traveler.id)/statistics", token: customer.accessToken)
            #expect(travelerStats["data.averageRating"] as? Double == 5)
            let history = try await t.request(
                .GET, "/api/v1/deliveries/\(deliveryId)/history", token: customer.accessToken)
            #expect(
                history.list.compactMap { $0["to"] as? String } == [
                    "accepted", "picked_up", "delivered", "completed", "rated",
                ])
        }
    }
}
