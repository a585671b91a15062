import Foundation
import TestSupport
import Testing

@Suite("Deliveries: search for travelers and numbers")
struct InsightsTests {
    @Test("travelers find pending requests near their trip's route; blocked and blacklisting customers stay hidden")
    func searchNearRoute() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let ann = try await t.signUp(userType: "customer")
            let bob = try await t.signUp(userType: "customer")
            let cat = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let near = try await t.createRequest(for: ann)
            _ = try await t.createRequest(for: ann, t.requestBody(to: TestPlaces.berlin))
            _ = try await t.createRequest(for: bob, t.requestBody(overrides: ["blacklistedTravelers": [traveler.id]]))
            _ = try await t.createRequest(for: cat)
            try await t.request(.POST, "/api/v1/users/block/\(traveler.id)", token: cat.accessToken)
            let byTrip = try await t.request(
                .GET, "/api/v1/delivery-requests/search?tripId=\(tripId)", token: traveler.accessToken)
            #expect(byTrip.status == .ok, "\(byTrip.text)")
            #expect(byTrip.list.compactMap { $0["id"] as? String } == [near])
            #expect((byTrip.list.first?["pickup"] as? [String: Any])?["contactPhone"] == nil)
            let byPlace = try await t.request(
                .GET, "/api/v1/delivery-requests/search?origin=London&destination=Paris&radius=30&category=electronics",
                token: traveler.accessToken)
            #expect(byPlace.list.compactMap { $0["id"] as? String } == [near])
            let wrong = try await t.request(
                .GET, "/api/v1/delivery-requests/search?originLat=51&sort=closest", token: traveler.accessToken)
            #expect(wrong.status == .unprocessableEntity)
            #expect(
                Set(wrong.errors) == [
                    "originLat and originLng go together", "sort must be one of newest, price, pickup, distance",
                ])
            let foreignTrip = try await t.request(
                .GET, "/api/v1/delivery-requests/search?tripId=\(tripId)", token: ann.accessToken)
            #expect(foreignTrip.status == .notFound)
        }
    }

    @Test("statistics, analytics, popular routes and recommendations come from the rows")
    func numbers() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tinasTrip = try await t.createTrip(for: tina)
            let tomsTrip = try await t.createTrip(for: tom)
            let requestId = try await t.createRequest(for: customer)
            _ = try await t.createRequest(for: customer)
            let recommended = try await t.request(
                .GET, "/api/v1/delivery-requests/recommendations", token: tina.accessToken)
            #expect(recommended.status == .ok)
            #expect(recommended.list.count == 2)
            #expect(
                recommended.list.allSatisfy {
                    $0["tripId"] as? String == tinasTrip && ($0["score"] as? Double ?? 0) >= 0.6
                })

            let cheap = try await t.createOffer(by: tina, on: requestId, tripId: tinasTrip, price: 3000)
            _ = try await t.createOffer(by: tom, on: requestId, tripId: tomsTrip, price: 5000)
            try await t.accept(cheap, by: customer)

            let analytics = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)/analytics", token: customer.accessToken)
            #expect(analytics["data.offers.total"] as? Int == 2)
            #expect(analytics["data.offers.accepted"] as? Int == 1)
            #expect(analytics["data.offers.declined"] as? Int == 1)
            #expect(analytics["data.lowestPrice.amount"] as? Int == 3000)
            #expect(analytics["data.averagePrice.amount"] as? Int == 4000)
            #expect(analytics["data.offersBelowEstimate"] as? Int == 1)
            let notYours = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)/analytics", token: tina.accessToken)
            #expect(notYours.status == .notFound)

            let statistics = try await t.request(
                .GET, "/api/v1/delivery-requests/statistics", token: customer.accessToken)
            #expect(statistics["data.requests.matched"] as? Int == 1)
            #expect(statistics["data.requests.pending"] as? Int == 1)
            #expect(statistics["data.offersReceived"] as? Int == 2)
            #expect(statistics["data.averageOffersPerRequest"] as? Double == 1)
            let offerStats = try await t.request(.GET, "/api/v1/offers/statistics", token: tom.accessToken)
            #expect(offerStats["data.offers.declined"] as? Int == 1)
            #expect(offerStats["data.acceptanceRate"] as? Double == 0)
            let tinaStats = try await t.request(.GET, "/api/v1/offers/statistics", token: tina.accessToken)
            #expect(tinaStats["data.acceptanceRate"] as? Double == 1)
            #expect((tinaStats["data.acceptedValue"] as? [[String: Any]])?.first?["amount"] as? Int == 3000)

            let popular = try await t.request(.GET, "/api/v1/delivery-requests/popular-routes", token: tina.accessToken)
            let route = try #require(popular.list.first)
            #expect(route["requestCount"] as? Int == 2)
            #expect((route["from"] as? String)?.hasPrefix("London") == true)
            #expect((route["to"] as? String)?.hasPrefix("Paris") == true)
        }
    }
}
