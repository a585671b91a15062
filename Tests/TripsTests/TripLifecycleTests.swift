import Foundation
import TestSupport
import Testing

@Suite("Trips: updates and lifecycle")
struct TripLifecycleTests {
    @Test("update moves schedule, capacity and pricing; free space follows the capacity")
    func update() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler)
            let reserved = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 4, "items": 2],
                token: traveler.accessToken)
            #expect(reserved.status == .created, "\(reserved.text)")
            let updated = try await t.request(
                .PUT, "/api/v1/trips/\(id)",
                json: [
                    "capacity": ["weight": 6], "pricing": ["basePrice": 2000],
                    "arrivalTime": t.isoTime(inHours: 52),
                ], token: traveler.accessToken)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(updated["data.capacity.weight"] as? Double == 6)
            #expect(updated["data.availableCapacity.weight"] as? Double == 2)
            #expect(updated["data.availableCapacity.items"] as? Int == 3)
            #expect(updated["data.pricing.basePrice.amount"] as? Int == 2000)
            #expect(updated["data.estimatedDuration"] as? Int == 240)

            let below = try await t.request(
                .PUT, "/api/v1/trips/\(id)", json: ["capacity": ["weight": 3]], token: traveler.accessToken)
            #expect(below.status == .unprocessableEntity)
            #expect(below.code == "CAPACITY_BELOW_RESERVED")
            #expect(below.errors == ["capacity.weight: 4.0 kg is already reserved"])
            let backwards = try await t.request(
                .PUT, "/api/v1/trips/\(id)", json: ["arrivalTime": t.isoTime(inHours: 40)], token: traveler.accessToken)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.errors == ["arrivalTime must be after departureTime"])

            let other = try await t.signUp(userType: "traveler")
            let foreign = try await t.request(
                .PUT, "/api/v1/trips/\(id)", json: ["title": "Mine now"], token: other.accessToken)
            #expect(foreign.status == .forbidden)
            #expect(foreign.code == "NOT_TRIP_OWNER")
            let missing = try await t.request(
                .PUT, "/api/v1/trips/\(UUID())", json: ["title": "Nobody's"], token: traveler.accessToken)
            #expect(missing.status == .notFound)
            #expect(missing.code == "TRIP_NOT_FOUND")
        }
    }

    @Test("start, complete and cancel by hand; illegal moves are 409 INVALID_STATE_TRANSITION")
    func manual() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler)
            let early = try await t.request(.POST, "/api/v1/trips/\(id)/complete", token: traveler.accessToken)
            #expect(early.status == .conflict)
            #expect(early.code == "INVALID_STATE_TRANSITION")
            let started = try await t.request(.POST, "/api/v1/trips/\(id)/start", token: traveler.accessToken)
            #expect(started.status == .ok)
            #expect(started.string("data.status") == "active")
            #expect(started.string("data.actualDepartureTime") != nil)
            let edit = try await t.request(
                .PUT, "/api/v1/trips/\(id)", json: ["title": "Later"], token: traveler.accessToken)
            #expect(edit.status == .conflict)
            #expect(edit.code == "TRIP_NOT_EDITABLE")
            let done = try await t.request(
                .POST, "/api/v1/trips/\(id)/status", json: ["status": "completed"], token: traveler.accessToken)
            #expect(done.string("data.status") == "completed")
            let cancelDone = try await t.request(
                .POST, "/api/v1/trips/\(id)/cancel", json: ["reason": "too late"], token: traveler.accessToken)
            #expect(cancelDone.status == .conflict)
            #expect(cancelDone.code == "INVALID_STATE_TRANSITION")

            let second = try await t.createTrip(for: traveler)
            let noReason = try await t.request(.POST, "/api/v1/trips/\(second)/cancel", token: traveler.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.errors == ["reason is required"])
            let cancelled = try await t.request(
                .POST, "/api/v1/trips/\(second)/cancel", json: ["reason": "Train strike"], token: traveler.accessToken)
            #expect(cancelled.string("data.status") == "cancelled")
            #expect(cancelled.string("data.cancellationReason") == "Train strike")
            let badStatus = try await t.request(
                .POST, "/api/v1/trips/\(second)/status", json: ["status": "upcoming"], token: traveler.accessToken)
            #expect(badStatus.status == .unprocessableEntity)
        }
    }

    @Test("the scheduler starts departed trips and completes them after arrival")
    func scheduler() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler, t.tripBody(departureInHours: 2, durationHours: 3))
            try await t.runJobs()
            #expect(try await status(t, id, traveler) == "upcoming")
            t.clock.advance(by: 2 * 3600 + 60)
            try await t.runJobs()
            #expect(try await status(t, id, traveler) == "active")
            t.clock.advance(by: 3 * 3600 + 11 * 3600)
            try await t.runJobs()
            #expect(try await status(t, id, traveler) == "active")
            t.clock.advance(by: 3600 + 60)
            try await t.runJobs()
            #expect(try await status(t, id, traveler) == "completed")
        }
    }

    @Test("duplicate copies a trip a week later with its capacity free")
    func duplicate() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler)
            try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 4], token: traveler.accessToken)
            let copy = try await t.request(.POST, "/api/v1/trips/\(id)/duplicate", token: traveler.accessToken)
            #expect(copy.status == .created, "\(copy.text)")
            #expect(copy.string("data.id") != id)
            #expect(copy["data.availableCapacity.weight"] as? Double == 10)
            #expect(copy.string("data.departureTime") == t.isoTime(inHours: 48 + 7 * 24))
            let dated = try await t.request(
                .POST, "/api/v1/trips/\(id)/duplicate", json: ["departureTime": t.isoTime(inHours: -1)],
                token: traveler.accessToken)
            #expect(dated.status == .unprocessableEntity)
            #expect(dated.errors.contains("departureTime must be in the future"))
        }
    }

    private func status(_ t: TestApp, _ id: String, _ traveler: TestAccount) async throws -> String? {
        // Access tokens live 15 minutes and the clock moves by hours: sign in again.
        let fresh = try await t.logIn(traveler)
        return try await t.request(.GET, "/api/v1/trips/\(id)", token: fresh.accessToken).string("data.status")
    }
}
