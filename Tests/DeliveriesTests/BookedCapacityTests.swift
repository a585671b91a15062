import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@testable import Trips

@Suite("Deliveries: capacity held for a booking")
struct BookedCapacityTests {
    @Test("the traveler cannot free a booked delivery's capacity by hand, by delivery or by reservation id")
    func bookedHoldCannotBeReleased() async throws {
        try await withTestApp { t in
            // setup
            let booking = try await t.bookDelivery()
            let before = try await t.request(
                .GET, "/api/v1/trips/\(booking.tripId)/capacity", token: booking.traveler.accessToken)
            let available = try #require(before["data.available.items"] as? Int)
            let hold = try #require((before["data.reservations"] as? [[String: Any]])?.first?["id"] as? String)

            // act
            let byDelivery = try await t.request(
                .POST, "/api/v1/trips/\(booking.tripId)/capacity/release", json: ["deliveryId": booking.deliveryId],
                token: booking.traveler.accessToken)
            let byReservation = try await t.request(
                .POST, "/api/v1/trips/\(booking.tripId)/capacity/release", json: ["reservationId": hold],
                token: booking.traveler.accessToken)

            // assert
            for refused in [byDelivery, byReservation] {
                #expect(refused.status == .conflict, "\(refused.text)")
                #expect(refused.code == "RESERVATION_HELD_FOR_BOOKING")
            }
            let after = try await t.request(
                .GET, "/api/v1/trips/\(booking.tripId)/capacity", token: booking.traveler.accessToken)
            #expect(after["data.available.items"] as? Int == available)
            let held = try await CapacityReservation.query(on: t.app.db).filter(\.$status == .held).count()
            #expect(held == 1)
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "accepted")
        }
    }

    @Test("the booking's own cancellation gives its capacity back, once")
    func cancellationReleases() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let before = try await t.request(
                .GET, "/api/v1/trips/\(booking.tripId)/capacity", token: booking.traveler.accessToken)
            let available = try #require(before["data.available.items"] as? Int)
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Plans changed"],
                token: booking.customer.accessToken)
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            let after = try await t.request(
                .GET, "/api/v1/trips/\(booking.tripId)/capacity", token: booking.traveler.accessToken)
            #expect(after["data.available.items"] as? Int == available + 1)
            #expect((after["data.reservations"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a manual reservation cannot claim a delivery: the body's deliveryId is not read")
    func manualHoldBelongsToNoDelivery() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let reserved = try await t.request(
                .POST, "/api/v1/trips/\(booking.tripId)/capacity/reserve",
                json: ["weight": 1, "deliveryId": booking.deliveryId], token: booking.traveler.accessToken)
            #expect(reserved.status == .created, "\(reserved.text)")
            let manual = try #require(reserved.string("data.id"))
            let row = try #require(try await CapacityReservation.find(UUID(uuidString: manual), on: t.app.db))
            #expect(row.deliveryId == nil)
            let released = try await t.request(
                .POST, "/api/v1/trips/\(booking.tripId)/capacity/release", json: ["reservationId": manual],
                token: booking.traveler.accessToken)
            #expect(released.status == .ok, "\(released.text)")
        }
    }
}
