import Foundation
import Testing

/// Well-known places for marketplace tests (coordinates of the city centres).
public enum TestPlaces {
    public static var london: [String: Any] {
        [
            "address": "London, United Kingdom", "coordinates": ["lat": 51.5074, "lng": -0.1278],
        ]
    }
    public static var paris: [String: Any] {
        [
            "address": "Paris, France", "coordinates": ["lat": 48.8566, "lng": 2.3522],
        ]
    }
    public static var berlin: [String: Any] {
        [
            "address": "Berlin, Germany", "coordinates": ["lat": 52.52, "lng": 13.405],
        ]
    }
    /// Central London, about 5 km from `london`.
    public static var camden: [String: Any] {
        [
            "address": "Camden, London", "coordinates": ["lat": 51.539, "lng": -0.1426],
        ]
    }
    /// Central Paris, about 4 km from `paris`.
    public static var montmartre: [String: Any] {
        [
            "address": "Montmartre, Paris", "coordinates": ["lat": 48.8867, "lng": 2.3431],
        ]
    }
}

extension TestApp {
    /// ISO-8601 text for the test clock's now plus `hours`.
    public func isoTime(inHours hours: Double) -> String {
        ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(hours * 3600))
    }

    /// The trip body of API.md step 4: London → Paris by train, departing in `departureInHours`.
    public func tripBody(
        from origin: [String: Any] = TestPlaces.london, to destination: [String: Any] = TestPlaces.paris,
        departureInHours: Double = 48, durationHours: Double = 3, weight: Double = 10, items: Int = 5,
        overrides: [String: Any] = [:]
    ) -> [String: Any] {
        var body: [String: Any] = [
            "title": "London to Paris on the Eurostar", "tripType": "train", "origin": origin,
            "destination": destination, "departureTime": isoTime(inHours: departureInHours),
            "arrivalTime": isoTime(inHours: departureInHours + durationHours),
            "capacity": ["weight": weight, "volume": 40, "items": items],
            "pricing": [
                "basePrice": 1500, "pricePerKg": 200, "pricePerKm": 2, "expressMultiplier": 1.5,
                "fragileMultiplier": 1.3, "currency": "EUR",
            ],
            "restrictions": ["acceptedCategories": ["documents", "electronics", "gifts"], "maxItemValue": 100_000],
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    /// Posts a trip for `traveler` and returns its id.
    public func createTrip(for traveler: TestAccount, _ body: [String: Any]? = nil) async throws -> String {
        let response = try await request(.POST, "/api/v1/trips", json: body ?? tripBody(), token: traveler.accessToken)
        #expect(response.status == .created, "create trip: \(response.text)")
        return try #require(response.string("data.id"))
    }
}

extension TestApp {
    /// The request body of API.md step 5: a 2 kg laptop from Camden to Montmartre, pickup in the next two days.
    public func requestBody(
        from pickup: [String: Any] = TestPlaces.camden, to delivery: [String: Any] = TestPlaces.montmartre,
        weight: Double = 2, maxPrice: Int = 6000, overrides: [String: Any] = [:]
    ) -> [String: Any] {
        var pickupEnd = pickup
        pickupEnd["contactName"] = "Carl Customer"
        pickupEnd["contactPhone"] = "+447700900123"
        pickupEnd["timeWindow"] = ["start": isoTime(inHours: 1), "end": isoTime(inHours: 60)]
        var deliveryEnd = delivery
        deliveryEnd["contactName"] = "Rita Recipient"
        deliveryEnd["contactPhone"] = "+33612345678"
        deliveryEnd["timeWindow"] = ["start": isoTime(inHours: 24), "end": isoTime(inHours: 120)]
        var body: [String: Any] = [
            "title": "Laptop for my sister", "category": "electronics",
            "item": [
                "name": "Laptop", "weight": weight, "value": 80_000,
                "dimensions": ["length": 35, "width": 25, "height": 4],
            ],
            "pickup": pickupEnd, "delivery": deliveryEnd, "urgency": "standard", "maxPrice": maxPrice,
            "currency": "EUR",
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    /// Posts a request for `customer` and returns its id.
    public func createRequest(for customer: TestAccount, _ body: [String: Any]? = nil) async throws -> String {
        let response = try await request(
            .POST, "/api/v1/delivery-requests", json: body ?? requestBody(), token: customer.accessToken)
        #expect(response.status == .created, "create request: \(response.text)")
        return try #require(response.string("data.id"))
    }

    /// The offer body of API.md step 7 on `tripId` (a trip from `tripBody()`, departing in 48 hours).
    public func offerBody(tripId: String, price: Int = 4500, overrides: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "tripId": tripId, "price": price, "message": "Happy to take it",
            "estimatedPickupTime": isoTime(inHours: 40), "estimatedDeliveryTime": isoTime(inHours: 54),
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    /// Makes an offer and returns its id.
    public func createOffer(
        by traveler: TestAccount, on requestId: String, tripId: String, price: Int = 4500
    )
        async throws -> String
    {
        let response = try await request(
            .POST, "/api/v1/delivery-requests/\(requestId)/offers", json: offerBody(tripId: tripId, price: price),
            token: traveler.accessToken)
        #expect(response.status == .created, "create offer: \(response.text)")
        return try #require(response.string("data.id"))
    }
}

/// A booked delivery and everyone in it.
public struct Booking: Sendable {
    public var traveler: TestAccount
    public var customer: TestAccount
    public var tripId: String
    public var requestId: String
    public var offerId: String
    public var deliveryId: String

    public init(
        traveler: TestAccount, customer: TestAccount, tripId: String, requestId: String, offerId: String,
        deliveryId: String
    ) {
        self.traveler = traveler
        self.customer = customer
        self.tripId = tripId
        self.requestId = requestId
        self.offerId = offerId
        self.deliveryId = deliveryId
    }
}

extension TestApp {
    /// A traveler's trip, a customer's request, an offer and its acceptance paid with `paymentMethod`.
    public func bookDelivery(
        paymentMethod: String = "pm_card_visa", handoffSecurity: String? = nil
    ) async throws
        -> Booking
    {
        let traveler = try await signUp(userType: "traveler")
        let customer = try await signUp(userType: "customer")
        let tripId = try await createTrip(for: traveler)
        let requestId = try await createRequest(for: customer)
        let offerId = try await createOffer(by: traveler, on: requestId, tripId: tripId)
        var body: [String: Any] = ["paymentMethod": paymentMethod]
        body["handoffSecurity"] = handoffSecurity
        let accepted = try await request(
            .POST, "/api/v1/offers/\(offerId)/accept", json: body, token: customer.accessToken)
        #expect(accepted.status == .ok, "accept: \(accepted.text)")
        return Booking(
            traveler: traveler, customer: customer, tripId: tripId, requestId: requestId, offerId: offerId,
            deliveryId: try #require(accepted.string("data.delivery.deliveryId")))
    }

    /// `POST /offers/{id}/accept` paid with `paymentMethod`.
    @discardableResult
    public func accept(
        _ offerId: String, by customer: TestAccount, paymentMethod: String = "pm_card_visa"
    )
        async throws -> APIResponse
    {
        try await request(
            .POST, "/api/v1/offers/\(offerId)/accept", json: ["paymentMethod": paymentMethod],
            token: customer.accessToken)
    }

    /// The customer's view of a delivery's code of `type` (`pickup` or `delivery`): its payload and backup code.
    public func handoffCode(
        _ type: String, of booking: Booking
    ) async throws -> (id: String, qrData: String, backup: String) {
        let codes = try await request(
            .GET, "/api/v1/qr-codes/delivery/\(booking.deliveryId)", token: booking.customer.accessToken)
        #expect(codes.status == .ok, "codes: \(codes.text)")
        let list = try #require(codes.json["data"] as? [[String: Any]])
        let code = try #require(list.first { $0["type"] as? String == type && $0["status"] as? String == "active" })
        return (
            try #require(code["id"] as? String), try #require(code["qrData"] as? String),
            try #require(code["backupCode"] as? String)
        )
    }

    /// The traveler scans the code of `type` (the pickup code, then the recipient's at the drop).
    @discardableResult
    public func scan(_ type: String, of booking: Booking) async throws -> APIResponse {
        let code = try await handoffCode(type, of: booking)
        let scanned = try await request(
            .POST, "/api/v1/qr-codes/\(type)/validate", json: ["qrData": code.qrData],
            token: booking.traveler.accessToken)
        #expect(scanned.status == .ok, "\(type) scan: \(scanned.text)")
        return scanned
    }

    /// Walks a booked delivery to `completed`: both handoff codes scanned, then the customer confirms.
    public func complete(_ booking: Booking) async throws {
        try await scan("pickup", of: booking)
        try await scan("delivery", of: booking)
        let moved = try await request(
            .POST, "/api/v1/deliveries/\(booking.deliveryId)/status", json: ["status": "completed"],
            token: booking.customer.accessToken)
        #expect(moved.status == .ok, "completed: \(moved.text)")
    }
}
