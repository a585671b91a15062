import Foundation
import TestSupport
import Testing

@Suite("Trips: search")
struct TripSearchTests {
    @Test("radius, date window, capacity, price, type and sort; private trips and blocked travelers never appear")
    func search() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let blocked = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let cheap = try await t.createTrip(
                for: tina,
                t.tripBody(
                    from: TestPlaces.camden, to: TestPlaces.montmartre, departureInHours: 72,
                    overrides: [
                        "pricing": ["basePrice": 900, "currency": "EUR"]
                    ]))
            let soon = try await t.createTrip(for: tom, t.tripBody(departureInHours: 24))
            _ = try await t.createTrip(for: tom, t.tripBody(to: TestPlaces.berlin))
            _ = try await t.createTrip(for: tina, t.tripBody(overrides: ["visibility": "private"]))
            _ = try await t.createTrip(for: blocked, t.tripBody())
            try await t.request(.POST, "/api/v1/users/block/\(blocked.id)", token: customer.accessToken)
            let heavy = try await t.createTrip(
                for: tom, t.tripBody(departureInHours: 96, weight: 40, overrides: ["tripType": "car"]))

            let base = "/api/v1/trips/search?originLat=51.5074&originLng=-0.1278&destination=Paris&radius=30"
            let all = try await t.request(.GET, base, token: customer.accessToken)
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.list.compactMap { ($0["trip"] as? [String: Any])?["id"] as? String } == [soon, cheap, heavy])
            #expect(all["pagination.total"] as? Int == 3)

            let byPrice = try await t.request(.GET, base + "&sort=price&limit=1", token: customer.accessToken)
            #expect(ids(byPrice) == [cheap])
            #expect(byPrice["pagination.totalPages"] as? Int == 3)
            let byDistance = try await t.request(.GET, base + "&sort=distance", token: customer.accessToken)
            #expect(ids(byDistance).last == cheap)
            let big = try await t.request(.GET, base + "&minWeight=20", token: customer.accessToken)
            #expect(ids(big) == [heavy])
            let cars = try await t.request(.GET, base + "&tripType=car", token: customer.accessToken)
            #expect(ids(cars) == [heavy])
            let window = try await t.request(
                .GET, base + "&departureFrom=\(t.isoTime(inHours: 48))&departureTo=\(t.isoTime(inHours: 80))",
                token: customer.accessToken)
            #expect(ids(window) == [cheap])
            let tight = try await t.request(
                .GET, "/api/v1/trips/search?originLat=51.5074&originLng=-0.1278&radius=2", token: customer.accessToken)
            #expect(!ids(tight).contains(cheap))
            let rated = try await t.request(.GET, base + "&minRating=4", token: customer.accessToken)
            #expect(ids(rated).isEmpty)
        }
    }

    @Test("bad parameters are 422 with one entry per problem")
    func validation() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let response = try await t.request(
                .GET,
                "/api/v1/trips/search?originLat=95&radius=900&sort=cheapest&tripType=rocket&priceMin=5&priceMax=1",
                token: customer.accessToken)
            #expect(response.status == .unprocessableEntity)
            #expect(
                Set(response.errors) == [
                    "originLat and originLng go together", "radius must be more than 0 and at most 500 km",
                    "priceMin must not exceed priceMax",
                    "tripType must be one of flight, train, bus, car, ferry, other",
                    "sort must be one of departure, price, rating, distance",
                ])
        }
    }

    private func ids(_ response: APIResponse) -> [String] {
        response.list.compactMap { ($0["trip"] as? [String: Any])?["id"] as? String }
    }
}
