import Deliveries
import Fluent
import Foundation
import TestSupport
import Testing

@Suite("Marketplace: data export and erasure")
struct MarketplacePrivacyTests {
    @Test("export covers trips, requests, offers and deliveries")
    func export() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let traveler = try await t.request(.GET, "/api/v1/auth/account/export", token: b.traveler.accessToken)
            #expect((traveler["data.data.trips.trips"] as? [Any])?.count == 1)
            #expect((traveler["data.data.trips.templates"] as? [Any])?.isEmpty == true)
            #expect((traveler["data.data.deliveries.offers"] as? [Any])?.count == 1)
            let customer = try await t.request(.GET, "/api/v1/auth/account/export", token: b.customer.accessToken)
            let requests = try #require(customer["data.data.deliveries.requests"] as? [[String: Any]])
            #expect((requests.first?["pickup"] as? [String: Any])?["contactPhone"] as? String == "+447700900123")
            #expect((customer["data.data.deliveries.deliveries"] as? [Any])?.count == 1)
        }
    }

    @Test("deleting an account cancels bookings before pickup and erases contacts; not while an item is under way")
    func erase() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let deleted = try await t.request(
                .DELETE, "/api/v1/auth/account", json: ["password": b.customer.password], token: b.customer.accessToken)
            #expect(deleted.status == .ok, "\(deleted.text)")
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)", token: b.traveler.accessToken)
            #expect(delivery.string("data.status") == "cancelled")
            let capacity = try await t.request(
                .GET, "/api/v1/trips/\(b.tripId)/capacity", token: b.traveler.accessToken)
            #expect(capacity["data.available.weight"] as? Double == 10)
            let request = try #require(try await DeliveryRequest.find(UUID(uuidString: b.requestId), on: t.app.db))
            #expect(request.pickupContactPhone == "[erased]")
            #expect(request.deliveryContactName == "[erased]")
            #expect(request.status == .cancelled)

            let c = try await t.bookDelivery()
            try await t.scan("pickup", of: c)
            let refused = try await t.request(
                .DELETE, "/api/v1/auth/account", json: ["password": c.traveler.password], token: c.traveler.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.code == "ACCOUNT_HAS_LIVE_DELIVERIES")
            let still = try await t.request(.GET, "/api/v1/trips/\(c.tripId)", token: c.traveler.accessToken)
            #expect(still.status == .ok)
        }
    }
}
