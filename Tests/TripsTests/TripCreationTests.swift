import Foundation
import TestSupport
import Testing

@Suite("Trips: creation and validation")
struct TripCreationTests {
    @Test("a traveler creates a trip with every field; it comes back upcoming with its capacity free")
    func create() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp("tina@example.com", userType: "traveler")
            var body = t.tripBody(overrides: [
                "description": "Morning train, two stops", "visibility": "public", "autoAccept": true,
                "autoAcceptPrice": 2500, "tags": ["Eurostar", "weekday", "eurostar"],
                "preferences": ["meetingPoint": "St Pancras, departures hall"],
            ])
            var origin = TestPlaces.london
            origin["terminal"] = "St Pancras"
            body["origin"] = origin
            let created = try await t.request(.POST, "/api/v1/trips", json: body, token: traveler.accessToken)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.status") == "upcoming")
            #expect(created.string("data.travelerId") == traveler.id)
            #expect(created["data.availableCapacity.weight"] as? Double == 10)
            #expect(created["data.availableCapacity.items"] as? Int == 5)
            #expect(created["data.pricing.basePrice.amount"] as? Int == 1500)
            #expect(created.string("data.pricing.basePrice.currency") == "EUR")
            #expect(created["data.autoAcceptPrice.amount"] as? Int == 2500)
            #expect(created["data.tags"] as? [String] == ["eurostar", "weekday"])
            #expect(created.string("data.origin.terminal") == "St Pancras")
            #expect(created["data.estimatedDuration"] as? Int == 180)
            let distance = try #require(created["data.distanceKm"] as? Double)
            #expect(distance > 330 && distance < 350)
            #expect(
                created["data.restrictions.acceptedCategories"] as? [String] == ["documents", "electronics", "gifts"])
            let id = try #require(created.string("data.id"))

            // The threshold is the traveler's business only.
            let customer = try await t.signUp("carl@example.com", userType: "customer")
            let seen = try await t.request(.GET, "/api/v1/trips/\(id)", token: customer.accessToken)
            #expect(seen.status == .ok)
            #expect(seen["data.autoAcceptPrice"] == nil)
            #expect(seen["data.autoAccept"] as? Bool == true)
            #expect(seen.string("data.traveler.displayName") == "Test U.")
        }
    }

    @Test("coordinates are looked up from the airport or address when missing")
    func geocodes() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let body = t.tripBody(
                from: ["address": "Heathrow", "airport": "LHR"], to: ["address": "Berlin"],
                overrides: ["tripType": "flight"])
            let created = try await t.request(.POST, "/api/v1/trips", json: body, token: traveler.accessToken)
            #expect(created.status == .created, "\(created.text)")
            let lat = try #require(created["data.origin.coordinates.lat"] as? Double)
            #expect(abs(lat - 51.47) < 0.1)
            #expect(created.string("data.origin.airport") == "LHR")
            let unknown = t.tripBody(from: ["address": "Qwxzyville Nowhere"])
            let refused = try await t.request(.POST, "/api/v1/trips", json: unknown, token: traveler.accessToken)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.errors.contains { $0.contains("could not be located") })
        }
    }

    @Test("precise 422s: arrival before departure, past departure, capacity limits, coordinates out of range")
    func validation() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            func errors(_ body: [String: Any]) async throws -> [String] {
                let response = try await t.request(.POST, "/api/v1/trips", json: body, token: traveler.accessToken)
                #expect(response.status == .unprocessableEntity, "\(response.text)")
                #expect(response.code == "VALIDATION_ERROR")
                return response.errors
            }
            let backwards = try await errors(
                t.tripBody(overrides: ["arrivalTime": t.isoTime(inHours: 47)]))
            #expect(backwards == ["arrivalTime must be after departureTime"])
            let past = try await errors(t.tripBody(departureInHours: -2))
            #expect(past.contains("departureTime must be in the future"))
            let heavy = try await errors(t.tripBody(weight: 80, overrides: ["tripType": "flight"]))
            #expect(heavy == ["capacity.weight must be more than 0 and at most 50 kg for a flight trip"])
            let offMap = try await errors(
                t.tripBody(from: ["address": "Nowhere", "coordinates": ["lat": 95, "lng": 200]]))
            #expect(offMap == ["origin.coordinates must have lat in -90…90 and lng in -180…180"])
            let many = try await errors([
                "tripType": "rocket", "capacity": ["weight": 0, "items": 0],
                "pricing": ["basePrice": -1, "expressMultiplier": 9],
                "restrictions": ["acceptedCategories": ["weapons"]], "visibility": "secret", "autoAccept": true,
            ])
            for expected in [
                "title is required", "tripType must be one of flight, train, bus, car, ferry, other",
                "origin is required", "destination is required", "departureTime is required",
                "capacity.items must be between 1 and 50", "pricing.basePrice must be 0 to 100000000 minor units",
                "pricing.expressMultiplier must be between 1 and 5", "visibility must be public or private",
                "autoAcceptPrice is required when autoAccept is true",
            ] {
                #expect(many.contains(expected), "missing \(expected) in \(many)")
            }
            #expect(many.contains { $0.hasPrefix("restrictions.acceptedCategories must be among") })
        }
    }

    @Test("only travelers create trips; anonymous callers are refused")
    func roles() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let forbidden = try await t.request(.POST, "/api/v1/trips", json: t.tripBody(), token: customer.accessToken)
            #expect(forbidden.status == .forbidden)
            let anonymous = try await t.request(.POST, "/api/v1/trips", json: t.tripBody())
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("a weekly recurring trip creates its repetitions linked to the first")
    func recurring() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let body = t.tripBody(overrides: [
                "isRecurring": true, "recurringPattern": ["frequency": "weekly", "occurrences": 3],
            ])
            let created = try await t.request(.POST, "/api/v1/trips", json: body, token: traveler.accessToken)
            #expect(created.status == .created, "\(created.text)")
            let parentId = try #require(created.string("data.id"))
            let mine = try await t.request(.GET, "/api/v1/trips/my-trips", token: traveler.accessToken)
            #expect(mine.list.count == 4)
            let children = mine.list.filter { $0["parentTripId"] as? String == parentId }
            #expect(children.count == 3)
            let departures = mine.list.compactMap { $0["departureTime"] as? String }
            let formatter = ISO8601DateFormatter()
            let dates = departures.compactMap { formatter.date(from: $0) }
            #expect(zip(dates, dates.dropFirst()).allSatisfy { abs($1.timeIntervalSince($0) - 7 * 24 * 3600) < 1 })
            let bad = try await t.request(
                .POST, "/api/v1/trips",
                json: t.tripBody(overrides: ["isRecurring": true, "recurringPattern": ["frequency": "hourly"]]),
                token: traveler.accessToken)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errors.contains("recurringPattern.frequency must be daily or weekly"))
            #expect(bad.errors.contains("recurringPattern needs an endDate or occurrences"))
        }
    }
}
