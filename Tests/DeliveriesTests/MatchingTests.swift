import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@Suite("Deliveries: matching")
struct MatchingTests {
    @Test("find-matches returns fitting trips best first with their score breakdown")
    func matches() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let direct = try await t.createTrip(for: tina)
            let requestId = try await t.createRequest(for: customer)
            let response = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            let matches = try #require(response["data.matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            let match = try #require(matches.first)
            #expect(match["tripId"] as? String == direct)
            #expect(match["travelerId"] as? String == tina.id)
            let score = try #require(match["score"] as? Double)
            #expect(score >= 0.60)
            let breakdown = try #require(match["breakdown"] as? [String: Double])
            #expect(
                Set(breakdown.keys) == [
                    "routeEfficiency", "timeCompatibility", "travelerRating", "priceCompetitiveness",
                ])
            // Camden and Montmartre are a few km off the trip's ends: a small detour, an efficient route.
            #expect((breakdown["routeEfficiency"] ?? 0) > 0.95)
            #expect(breakdown["travelerRating"] == 0.6)
            let weighted =
                0.70 * breakdown["routeEfficiency"]! + 0.15 * breakdown["timeCompatibility"]! + 0.10
                * breakdown["travelerRating"]! + 0.05 * breakdown["priceCompetitiveness"]!
            #expect(abs(weighted - score) < 0.002)
            // 15 EUR base + 2 EUR/kg × 2 kg + 0.02 EUR/km × 343.8 km
            #expect((match["estimatedPrice"] as? [String: Any])?["amount"] as? Int == 2588)
            #expect((match["detourKm"] as? Double ?? 99) < 15)
            // The travelers are told after the answer: the event is in the outbox once background work is done.
            await t.app.backgroundWork.drain()
            let announced = try await DomainEventRecord.query(on: t.app.db)
                .filter(\.$eventType == "deliveries.potential_travelers_matched").all()
            #expect(announced.count == 1)
            #expect(
                announced.first?.payload.contains(tina.id.lowercased()) == true
                    || announced.first?.payload.contains(tina.id) == true)
        }
    }

    @Test(
        "blacklisted, blocked (either way), low-rated, private, full, wrong-category, late and far trips are left out")
    func exclusions() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            var travelers: [TestAccount] = []
            for _ in 0..<9 { travelers.append(try await t.signUp(userType: "traveler")) }
            let good = try await t.createTrip(for: travelers[0])
            _ = try await t.createTrip(for: travelers[1])  // blacklisted
            _ = try await t.createTrip(for: travelers[2])  // blocked by the customer
            _ = try await t.createTrip(for: travelers[3], t.tripBody(overrides: ["visibility": "private"]))
            _ = try await t.createTrip(for: travelers[4], t.tripBody(weight: 1))
            _ = try await t.createTrip(
                for: travelers[5], t.tripBody(overrides: ["restrictions": ["acceptedCategories": ["documents"]]]))
            _ = try await t.createTrip(for: travelers[6], t.tripBody(departureInHours: 200))
            _ = try await t.createTrip(for: travelers[7], t.tripBody(to: TestPlaces.berlin))
            _ = try await t.createTrip(for: travelers[8])  // blocked the customer
            try await t.request(.POST, "/api/v1/users/block/\(travelers[2].id)", token: customer.accessToken)
            try await t.request(.POST, "/api/v1/users/block/\(customer.id)", token: travelers[8].accessToken)
            let requestId = try await t.createRequest(
                for: customer, t.requestBody(overrides: ["blacklistedTravelers": [travelers[1].id]]))
            let response = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let ids = (response["data.matches"] as? [[String: Any]] ?? []).compactMap { $0["tripId"] as? String }
            #expect(ids == [good])
            // An admin's search for the customer respects the customer's blocks, not the admin's.
            let admin = try await t.superAdmin()
            let asAdmin = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: admin.accessToken)
            #expect(asAdmin.status == .ok, "\(asAdmin.text)")
            #expect(
                (asAdmin["data.matches"] as? [[String: Any]] ?? []).compactMap { $0["tripId"] as? String } == [good])

            let picky = try await t.createRequest(for: customer, t.requestBody(overrides: ["minTravelerRating": 4]))
            let none = try await t.request(
                .POST, "/api/v1/delivery-requests/\(picky)/find-matches", token: customer.accessToken)
            #expect((none["data.matches"] as? [Any])?.isEmpty == true)
            #expect(none.json["message"] as? String == "No trips fit this request yet")
        }
    }

    @Test("a customer's favourite comes first among equal scores")
    func favouritesFirst() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let first = try await t.signUp(userType: "traveler")
            let favourite = try await t.signUp(userType: "traveler")
            let body = t.tripBody()
            let earlier = try await t.createTrip(for: first, body)
            let liked = try await t.createTrip(for: favourite, body)
            let requestId = try await t.createRequest(for: customer)
            let before = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let plain = (before["data.matches"] as? [[String: Any]] ?? []).compactMap { $0["tripId"] as? String }
            #expect(Set(plain) == [earlier, liked])
            let added = try await t.request(
                .POST, "/api/v1/users/favorites/\(favourite.id)", token: customer.accessToken)
            #expect(added.status == .created, "\(added.text)")
            let after = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let ranked = after["data.matches"] as? [[String: Any]] ?? []
            #expect(ranked.first?["tripId"] as? String == liked)
            #expect(ranked.first?["preferred"] as? Bool == true)
        }
    }

    @Test("only the request's customer matches it, only while it is open, within a sane radius")
    func errors() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let stranger = try await t.signUp(userType: "customer")
            let requestId = try await t.createRequest(for: customer)
            let foreign = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: stranger.accessToken)
            #expect(foreign.status == .forbidden)
            let wide = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", json: ["radiusKm": 5000],
                token: customer.accessToken)
            #expect(wide.status == .unprocessableEntity)
            try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/cancel", json: ["reason": "changed my mind"],
                token: customer.accessToken)
            let closed = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            #expect(closed.status == .conflict)
            #expect(closed.code == "REQUEST_NOT_OPEN")
        }
    }
}

@Suite("Deliveries: instant offers from auto-accept trips")
struct InstantOfferTests {
    @Test("an auto-accept trip offers at once; the request's auto-accept price pays with its saved card and books")
    func instant() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(
                for: traveler, t.tripBody(overrides: ["autoAccept": true, "autoAcceptPrice": 2000]))
            let requestId = try await t.createRequest(for: customer)
            let found = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let match = try #require((found["data.matches"] as? [[String: Any]])?.first)
            let offerId = try #require(match["instantOfferId"] as? String)
            let offer = try await t.request(.GET, "/api/v1/offers/\(offerId)", token: customer.accessToken)
            #expect(offer.string("data.status") == "pending")
            #expect(offer["data.price.amount"] as? Int == 2588)
            #expect(offer.string("data.tripId") == tripId)
            // Asking again does not make a second offer.
            let again = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            #expect((again["data.matches"] as? [[String: Any]])?.first?["instantOfferId"] == nil)
            let offers = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)/offers", token: customer.accessToken)
            #expect(offers.list.count == 1)

            let eager = try await t.createRequest(
                for: customer,
                t.requestBody(overrides: ["autoAcceptPrice": 3000, "autoAcceptPaymentMethod": "pm_card_visa"]))
            let found2 = try await t.request(
                .POST, "/api/v1/delivery-requests/\(eager)/find-matches", token: customer.accessToken)
            let accepting = try #require(found2.string("data.autoAcceptingOfferId"))
            try await t.runJobs()
            let accepted = try await t.request(.GET, "/api/v1/offers/\(accepting)", token: customer.accessToken)
            #expect(accepted.string("data.status") == "accepted")
            let request = try await t.request(.GET, "/api/v1/delivery-requests/\(eager)", token: customer.accessToken)
            #expect(request.string("data.status") == "matched")
            let deliveries = try await t.request(.GET, "/api/v1/deliveries", token: customer.accessToken)
            #expect(deliveries.list.first?["finalPrice"].flatMap { ($0 as? [String: Any])?["amount"] as? Int } == 2588)
            let paid = try await t.request(.GET, "/api/v1/payments/history", token: customer.accessToken)
            #expect(paid.list.first?["status"] as? String == "succeeded")
        }
    }

    @Test("one search offers for every auto-accept traveler once, skipping those with a live offer")
    func severalTravelers() async throws {
        try await withTestApp { t in
            let ana = try await t.signUp(userType: "traveler")
            let ben = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let instant = t.tripBody(overrides: ["autoAccept": true, "autoAcceptPrice": 2000])
            _ = try await t.createTrip(for: ana, instant)
            _ = try await t.createTrip(for: ana, instant)
            let bensTrip = try await t.createTrip(for: ben, instant)
            let requestId = try await t.createRequest(for: customer)
            let bensOffer = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/offers", json: t.offerBody(tripId: bensTrip),
                token: ben.accessToken)
            #expect(bensOffer.status == .created, "\(bensOffer.text)")

            let searched = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let found = try #require(searched["data.matches"] as? [[String: Any]])
            #expect(found.count == 3)
            func matches(of traveler: TestAccount) -> [[String: Any]] {
                found.filter { ($0["travelerId"] as? String)?.lowercased() == traveler.id.lowercased() }
            }
            let anasOffers = Set(matches(of: ana).compactMap { $0["instantOfferId"] as? String })
            #expect(anasOffers.count == 1, "one offer per traveler, whichever of their trips matched")
            #expect(matches(of: ben).count == 1)
            #expect(matches(of: ben).allSatisfy { $0["instantOfferId"] == nil })
            let offers = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)/offers", token: customer.accessToken)
            #expect(offers.list.count == 2)
            let announced = try await DomainEventRecord.query(on: t.app.db)
                .filter(\.$eventType == "deliveries.offer_created").count()
            #expect(announced == 2)
        }
    }

    @Test("no instant offer when the trip's threshold is above the request's maximum")
    func tooCheap() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            _ = try await t.createTrip(
                for: traveler, t.tripBody(overrides: ["autoAccept": true, "autoAcceptPrice": 9000]))
            let requestId = try await t.createRequest(for: customer)
            let found = try await t.request(
                .POST, "/api/v1/delivery-requests/\(requestId)/find-matches", token: customer.accessToken)
            let matches = try #require(found["data.matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            #expect(matches.first?["instantOfferId"] == nil)
        }
    }
}
