import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

@Suite("Deliveries: accepting an offer")
struct AcceptanceTests {
    @Test("accept declines the other offers, matches the request, reserves capacity and creates the delivery")
    func accept() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tinasTrip = try await t.createTrip(for: tina)
            let tomsTrip = try await t.createTrip(for: tom)
            let requestId = try await t.createRequest(for: customer)
            let chosen = try await t.createOffer(by: tina, on: requestId, tripId: tinasTrip)
            let other = try await t.createOffer(by: tom, on: requestId, tripId: tomsTrip, price: 5000)
            let stranger = try await t.signUp(userType: "customer")
            let foreign = try await t.accept(chosen, by: stranger)
            #expect(foreign.status == .notFound)

            let accepted = try await t.request(
                .POST, "/api/v1/offers/\(chosen)/accept",
                json: ["paymentMethod": "pm_card_visa", "specialRequests": "Keep it dry"],
                token: customer.accessToken, headers: ["Idempotency-Key": "accept-1"])
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.string("data.delivery.status") == "accepted")
            #expect(accepted["data.delivery.finalPrice.amount"] as? Int == 4500)
            let number = try #require(accepted.string("data.delivery.deliveryNumber"))
            #expect(
                number.range(of: #"^DLV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"#, options: .regularExpression)
                    != nil)
            let deliveryId = try #require(accepted.string("data.delivery.deliveryId"))

            let replay = try await t.request(
                .POST, "/api/v1/offers/\(chosen)/accept",
                json: ["paymentMethod": "pm_card_visa", "specialRequests": "Keep it dry"],
                token: customer.accessToken, headers: ["Idempotency-Key": "accept-1"])
            #expect(replay.status == .ok)
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(replay.string("data.delivery.deliveryId") == deliveryId)
            #expect(try await PaymentIntent.query(on: t.app.db).count() == 1, "a replayed accept charges nothing")
            let twice = try await t.accept(chosen, by: customer)
            #expect(twice.status == .conflict)
            #expect(twice.code == "OFFER_NOT_PENDING")

            let declined = try await t.request(.GET, "/api/v1/offers/\(other)", token: tom.accessToken)
            #expect(declined.string("data.status") == "declined")
            let request = try await t.request(
                .GET, "/api/v1/delivery-requests/\(requestId)", token: customer.accessToken)
            #expect(request.string("data.status") == "matched")
            let capacity = try await t.request(.GET, "/api/v1/trips/\(tinasTrip)/capacity", token: tina.accessToken)
            #expect(capacity["data.reserved.weight"] as? Double == 2)
            #expect(capacity["data.reserved.items"] as? Int == 1)
            let delivery = try await t.request(.GET, "/api/v1/deliveries/\(deliveryId)", token: tina.accessToken)
            #expect(delivery.string("data.deliveryNumber") == number)
            #expect(delivery.string("data.specialRequests") == "Keep it dry")
            let events = try await DomainEventRecord.query(on: t.app.db).filter(
                \.$eventType == "deliveries.offer_accepted"
            ).all()
            #expect(events.count == 1)
            #expect(
                events.first?.payload.contains(deliveryId.lowercased()) == true
                    || events.first?.payload.contains(deliveryId) == true)
        }
    }

    @Test("two customers racing for a trip's last capacity: one wins, one gets 409, nothing oversold")
    func raceForLastCapacity() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let ann = try await t.signUp(userType: "customer")
            let bob = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler, t.tripBody(weight: 3, items: 5))
            let annsRequest = try await t.createRequest(for: ann)
            let bobsRequest = try await t.createRequest(for: bob)
            let annsOffer = try await t.createOffer(by: traveler, on: annsRequest, tripId: tripId)
            let bobsOffer = try await t.createOffer(by: traveler, on: bobsRequest, tripId: tripId)
            async let first = t.accept(annsOffer, by: ann)
            async let second = t.accept(bobsOffer, by: bob)
            let results = try await [first, second]
            let statuses = results.map(\.status.code).sorted()
            #expect(statuses == [200, 409])
            #expect(results.first { $0.status.code == 409 }?.code == "INSUFFICIENT_CAPACITY")
            let capacity = try await t.request(.GET, "/api/v1/trips/\(tripId)/capacity", token: traveler.accessToken)
            #expect(capacity["data.available.weight"] as? Double == 1)
            #expect((capacity["data.reservations"] as? [Any])?.count == 1)
            let losingRequest = results[0].status.code == 409 ? annsRequest : bobsRequest
            let loser = results[0].status.code == 409 ? ann : bob
            let stillOpen = try await t.request(
                .GET, "/api/v1/delivery-requests/\(losingRequest)", token: loser.accessToken)
            #expect(stillOpen.string("data.status") == "pending")
            let deliveries = try await t.request(.GET, "/api/v1/deliveries?role=traveler", token: traveler.accessToken)
            #expect(deliveries.list.count == 1)
        }
    }
}
