import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@Suite("Deliveries: lifecycle")
struct DeliveryLifecycleTests {
    @Test("the parties walk it from accepted to completed; every move is in the history")
    func happyPath() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            func move(_ status: String, _ who: TestAccount) async throws -> APIResponse {
                try await t.request(
                    .POST, "/api/v1/deliveries/\(b.deliveryId)/status", json: ["status": status], token: who.accessToken
                )
            }
            #expect(try await move("pickup_ready", b.customer).string("data.status") == "pickup_ready")
            let customerPickup = try await move("picked_up", b.customer)
            #expect(customerPickup.status == .forbidden)
            #expect(customerPickup.code == "TRANSITION_NOT_ALLOWED_FOR_ROLE")
            let travelerPickup = try await move("picked_up", b.traveler)
            #expect(travelerPickup.status == .forbidden, "the pickup is proven by its code, not claimed")
            try await t.scan("pickup", of: b)
            let skip = try await move("completed", b.customer)
            #expect(skip.status == .conflict)
            #expect(skip.code == "INVALID_STATE_TRANSITION")
            #expect(try await move("in_transit", b.traveler).status == .ok)
            #expect(try await move("delivered", b.traveler).status == .forbidden)
            #expect(try await t.scan("delivery", of: b).string("data.handoff") == "delivery")
            #expect(try await move("completed", b.customer).string("data.status") == "completed")
            let history = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)/history", token: b.customer.accessToken)
            let steps = history.list.map { ($0["from"] as? String ?? "-") + ">" + ($0["to"] as? String ?? "") }
            #expect(
                steps == [
                    "->accepted", "accepted>pickup_ready", "pickup_ready>picked_up", "picked_up>in_transit",
                    "in_transit>delivered", "delivered>completed",
                ])
            #expect(history.list.last?["actorId"] as? String == b.customer.id)
            #expect(history.list.last?["actorRole"] as? String == "customer")
            let stranger = try await t.signUp()
            let hidden = try await t.request(.GET, "/api/v1/deliveries/\(b.deliveryId)", token: stranger.accessToken)
            #expect(hidden.status == .notFound)
            #expect(hidden.code == "DELIVERY_NOT_FOUND")
            let cancelLate = try await t.request(
                .POST, "/api/v1/deliveries/\(b.deliveryId)/cancel", json: ["reason": "no"],
                token: b.customer.accessToken)
            #expect(cancelLate.status == .conflict)
        }
    }

    @Test("cancelling before pickup gives the capacity back; a traveler's cancellation reopens the request")
    func cancellation() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let noReason = try await t.request(
                .POST, "/api/v1/deliveries/\(b.deliveryId)/cancel", token: b.traveler.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(b.deliveryId)/cancel", json: ["reason": "My plans changed"],
                token: b.traveler.accessToken)
            #expect(cancelled.string("data.status") == "cancelled")
            #expect(cancelled.string("data.cancelledBy") == b.traveler.id)
            let capacity = try await t.request(
                .GET, "/api/v1/trips/\(b.tripId)/capacity", token: b.traveler.accessToken)
            #expect(capacity["data.available.weight"] as? Double == 10)
            let request = try await t.request(
                .GET, "/api/v1/delivery-requests/\(b.requestId)", token: b.customer.accessToken)
            #expect(request.string("data.status") == "pending")
            let events = try await DomainEventRecord.query(on: t.app.db).filter(
                \.$eventType == "deliveries.delivery_cancelled"
            ).count()
            #expect(events == 1)
        }
    }

    @Test("cancelling the trip cancels its deliveries; a trip carrying items cannot be cancelled")
    func tripCancellation() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let cancelled = try await t.request(
                .POST, "/api/v1/trips/\(b.tripId)/cancel", json: ["reason": "Flight cancelled"],
                token: b.traveler.accessToken)
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)", token: b.customer.accessToken)
            #expect(delivery.string("data.status") == "cancelled")
            #expect(delivery.string("data.cancellationReason") == "The traveler cancelled the trip: Flight cancelled")

            let c = try await t.bookDelivery()
            try await t.scan("pickup", of: c)
            let refused = try await t.request(
                .POST, "/api/v1/trips/\(c.tripId)/cancel", json: ["reason": "Bored"], token: c.traveler.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.code == "TRIP_CARRIES_ITEMS")
            let trip = try await t.request(.GET, "/api/v1/trips/\(c.tripId)", token: c.traveler.accessToken)
            #expect(trip.string("data.status") == "upcoming")
        }
    }

    @Test("verified handoffs, the trip's departure and the clock move deliveries")
    func automatic() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let deliveryId = try #require(UUID(uuidString: b.deliveryId))
            let travelerId = try #require(UUID(uuidString: b.traveler.id))
            try await t.app.db.transaction { db in
                try await t.app.events.publish(
                    HandoffVerified(
                        deliveryId: deliveryId, handoff: .pickup, verifiedBy: travelerId, method: "qr_code"),
                    on: db, application: t.app)
            }
            var delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)", token: b.customer.accessToken)
            #expect(delivery.string("data.status") == "picked_up")
            try await t.request(.POST, "/api/v1/trips/\(b.tripId)/start", token: b.traveler.accessToken)
            delivery = try await t.request(.GET, "/api/v1/deliveries/\(b.deliveryId)", token: b.customer.accessToken)
            #expect(delivery.string("data.status") == "in_transit")
            try await t.app.db.transaction { db in
                try await t.app.events.publish(
                    HandoffVerified(
                        deliveryId: deliveryId, handoff: .delivery, verifiedBy: travelerId, method: "qr_code"),
                    on: db, application: t.app)
            }
            t.clock.advance(by: 47 * 3600)
            try await t.runJobs()
            let customer = try await t.logIn(b.customer)
            delivery = try await t.request(.GET, "/api/v1/deliveries/\(b.deliveryId)", token: customer.accessToken)
            #expect(delivery.string("data.status") == "delivered")
            t.clock.advance(by: 3600 + 60)
            try await t.runJobs()
            let later = try await t.logIn(b.customer)
            delivery = try await t.request(.GET, "/api/v1/deliveries/\(b.deliveryId)", token: later.accessToken)
            #expect(delivery.string("data.status") == "completed")
            let history = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)/history", token: later.accessToken)
            #expect(
                history.list.map { $0["actorRole"] as? String } == ["customer", "system", "system", "system", "system"])
        }
    }
}
