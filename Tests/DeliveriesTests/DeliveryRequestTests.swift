import Foundation
import TestSupport
import Testing

@Suite("Deliveries: requests")
struct DeliveryRequestTests {
    @Test("a customer posts a request; it is pending with a price estimate and an expiry")
    func create() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp("carl@example.com", userType: "customer")
            let created = try await t.request(
                .POST, "/api/v1/delivery-requests",
                json: t.requestBody(overrides: ["autoAcceptPrice": 3000, "autoAcceptPaymentMethod": "pm_card_visa"]),
                token: customer.accessToken)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.status") == "pending")
            // (5 + 0.05·343.8 km + 1.5·2 kg + 0.5 % of 800) × 1.3 for electronics = 37.95 EUR
            #expect(created["data.estimatedPrice.recommended.amount"] as? Int == 3800)
            #expect(created["data.estimatedPrice.min.amount"] as? Int == 2800)
            #expect(created["data.estimatedPrice.max.amount"] as? Int == 5700)
            #expect(created["data.maxPrice.amount"] as? Int == 6000)
            #expect(created["data.capacityNeeded.volume"] as? Double == 3.5)
            #expect(created.string("data.expiresAt") == t.isoTime(inHours: 60))
            #expect(created.string("data.pickup.contactPhone") == "+447700900123")
            #expect(created["data.autoAcceptPrice.amount"] as? Int == 3000)
            let id = try #require(created.string("data.id"))

            // Travelers see the request without contacts, lists or the auto-accept price.
            let traveler = try await t.signUp(userType: "traveler")
            let seen = try await t.request(.GET, "/api/v1/delivery-requests/\(id)", token: traveler.accessToken)
            #expect(seen.status == .ok)
            #expect(seen["data.pickup.contactPhone"] == nil)
            #expect(seen["data.autoAcceptPrice"] == nil)
            #expect(seen.string("data.customer.displayName") == "Test U.")
            let mine = try await t.request(.GET, "/api/v1/delivery-requests/my-requests", token: customer.accessToken)
            #expect(mine.list.count == 1)
        }
    }

    @Test("every broken rule is listed in one 422; hazardous items are refused")
    func validation() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let response = try await t.request(
                .POST, "/api/v1/delivery-requests",
                json: [
                    "category": "weapons", "item": ["weight": 0, "isHazardous": true], "urgency": "yesterday",
                    "pickup": ["address": "Nowhere", "coordinates": ["lat": 99, "lng": 0], "contactPhone": "12"],
                    "maxPrice": 0, "autoAcceptPrice": 10,
                ], token: customer.accessToken)
            #expect(response.status == .unprocessableEntity)
            for expected in [
                "title is required", "urgency must be one of standard, express, urgent", "item.name is required",
                "item.weight must be more than 0 and at most 100 kg",
                "hazardous items cannot be sent through the platform",
                "pickup.coordinates must have lat in -90…90 and lng in -180…180", "pickup.contactName is required",
                "pickup.contactPhone must be an E.164 number such as +447700900123", "delivery is required",
                "maxPrice must be more than 0 and at most 100000000 minor units",
                "autoAcceptPrice must not exceed maxPrice", "autoAcceptPaymentMethod is required with autoAcceptPrice",
            ] {
                #expect(response.errors.contains(expected), "missing \(expected) in \(response.errors)")
            }
            #expect(response.errors.contains { $0.hasPrefix("category must be one of") })
            let backwards = try await t.request(
                .POST, "/api/v1/delivery-requests",
                json: t.requestBody(overrides: [
                    "pickup": TestPlaces.camden.merging([
                        "contactName": "C", "contactPhone": "+447700900123",
                        "timeWindow": ["start": t.isoTime(inHours: 5), "end": t.isoTime(inHours: 2)],
                    ]) { $1 }
                ]), token: customer.accessToken)
            #expect(backwards.errors == ["pickup.timeWindow.end must be after its start"])
            let travelerOnly = try await t.signUp(userType: "traveler")
            let forbidden = try await t.request(
                .POST, "/api/v1/delivery-requests", json: t.requestBody(), token: travelerOnly.accessToken)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("update, cancel, duplicate and report")
    func manage() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let other = try await t.signUp(userType: "both")
            let id = try await t.createRequest(for: customer)
            let updated = try await t.request(
                .PUT, "/api/v1/delivery-requests/\(id)", json: ["maxPrice": 7000, "urgency": "express"],
                token: customer.accessToken)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(updated["data.maxPrice.amount"] as? Int == 7000)
            // Express: 37.95 × 1.5 = 56.9 EUR.
            #expect(updated["data.estimatedPrice.recommended.amount"] as? Int == 5700)
            let foreign = try await t.request(
                .PUT, "/api/v1/delivery-requests/\(id)", json: ["maxPrice": 1], token: other.accessToken)
            #expect(foreign.status == .forbidden)
            #expect(foreign.code == "NOT_REQUEST_OWNER")

            let copy = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/duplicate", token: customer.accessToken)
            #expect(copy.status == .created)
            #expect(copy.string("data.id") != id)
            #expect(copy.string("data.status") == "pending")

            let reported = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/report", json: ["reason": "suspected_fraud"],
                token: other.accessToken)
            #expect(reported.status == .created)
            let again = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/report", json: ["reason": "spam"], token: other.accessToken)
            #expect(again.status == .conflict)
            #expect(again.code == "ALREADY_REPORTED")
            let own = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/report", json: ["reason": "spam"], token: customer.accessToken)
            #expect(own.status == .unprocessableEntity)
            let badReason = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/report", json: ["reason": "boring"], token: other.accessToken)
            #expect(badReason.status == .unprocessableEntity)

            let noReason = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/cancel", token: customer.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            let cancelled = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/cancel", json: ["reason": "Sent it by post"],
                token: customer.accessToken)
            #expect(cancelled.string("data.status") == "cancelled")
            let twice = try await t.request(
                .POST, "/api/v1/delivery-requests/\(id)/cancel", json: ["reason": "again"], token: customer.accessToken)
            #expect(twice.status == .conflict)
            #expect(twice.code == "REQUEST_NOT_OPEN")
            let edit = try await t.request(
                .PUT, "/api/v1/delivery-requests/\(id)", json: ["maxPrice": 1], token: customer.accessToken)
            #expect(edit.code == "REQUEST_NOT_EDITABLE")
            let hidden = try await t.request(.GET, "/api/v1/delivery-requests/\(id)", token: other.accessToken)
            #expect(hidden.status == .notFound)
        }
    }

    @Test("the scheduler expires requests when their pickup window closes")
    func expiry() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let id = try await t.createRequest(for: customer)
            t.clock.advance(by: 59 * 3600)
            try await t.runJobs()
            let fresh = try await t.logIn(customer)
            #expect(
                try await t.request(.GET, "/api/v1/delivery-requests/\(id)", token: fresh.accessToken).string(
                    "data.status") == "pending")
            t.clock.advance(by: 3600 + 60)
            try await t.runJobs()
            let later = try await t.logIn(customer)
            let expired = try await t.request(.GET, "/api/v1/delivery-requests/\(id)", token: later.accessToken)
            #expect(expired.string("data.status") == "expired")
        }
    }
}
