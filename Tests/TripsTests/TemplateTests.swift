import Foundation
import TestSupport
import Testing

@Suite("Trips: templates")
struct TemplateTests {
    @Test("a traveler saves a template: checked by the trip rules, stored normalized, listed as theirs")
    func create() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp("tina@example.com", userType: "traveler")
            let body = t.templateBody(
                tripOverrides: ["origin": ["address": "Berlin"], "autoAccept": true, "autoAcceptPrice": 2000],
                extra: ["description": "Tuesday mornings", "category": "  Weekend Trips ", "isPublic": false])
            // act
            let created = try await t.request(.POST, "/api/v1/trips/templates", json: body, token: tina.accessToken)
            // assert
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.name") == "Eurostar weekday")
            #expect(created.string("data.category") == "weekend-trips")
            #expect(created["data.isPublic"] as? Bool == false)
            #expect(created["data.owner"] as? Bool == true)
            #expect(created["data.usageCount"] as? Int == 0)
            #expect(created["data.lastUsedAt"] == nil)
            // The address was located when saved, and the currency made explicit.
            let lat = try #require(created["data.tripData.origin.coordinates.lat"] as? Double)
            #expect(abs(lat - 52.52) < 0.1)
            #expect(created.string("data.tripData.pricing.currency") == "EUR")
            #expect(created["data.tripData.departureTime"] == nil)
            #expect(created["data.tripData.autoAcceptPrice"] as? Int == 2000)
            #expect(created["data.pricing.basePrice.amount"] as? Int == 1500)
            #expect(created.string("data.pricing.pricePerKg.currency") == "EUR")
            let mine = try await t.request(.GET, "/api/v1/trips/templates", token: tina.accessToken)
            #expect(mine.status == .ok)
            #expect(mine.list.map { $0["id"] as? String } == [created.string("data.id")])
            #expect(mine["pagination.total"] as? Int == 1)
        }
    }

    @Test("precise 422s: missing fields, times in the data, a trip shape the trip rules refuse")
    func validation() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            func errors(_ body: [String: Any]) async throws -> [String] {
                let response = try await t.request(
                    .POST, "/api/v1/trips/templates", json: body, token: tina.accessToken)
                #expect(response.status == .unprocessableEntity, "\(response.text)")
                #expect(response.code == "VALIDATION_ERROR")
                return response.errors
            }
            #expect(try await errors([:]) == ["name is required", "tripData is required"])
            var timed = t.templateBody(name: "ab", extra: ["category": "x"])
            var data = try #require(timed["tripData"] as? [String: Any])
            data["departureTime"] = t.isoTime(inHours: 24)
            data["isRecurring"] = true
            timed["tripData"] = data
            #expect(
                try await errors(timed) == [
                    "name must be 3 to 100 characters",
                    "category must be 2 to 40 letters, digits, hyphens or underscores",
                    "tripData cannot hold departureTime or arrivalTime: give them when creating a trip",
                    "tripData cannot hold isRecurring or recurringPattern: give them when creating a trip",
                ])
            let heavy = t.templateBody(tripOverrides: ["tripType": "flight", "capacity": ["weight": 80]])
            #expect(
                try await errors(heavy) == [
                    "tripData.capacity.weight must be more than 0 and at most 50 kg for a flight trip"
                ])
            let shapeless = ["name": "Nothing inside", "tripData": ["title": "Hi"]] as [String: Any]
            let problems = try await errors(shapeless)
            for expected in [
                "tripData.title must be 3 to 120 characters", "tripData.tripType is required",
                "tripData.origin is required",
                "tripData.capacity is required", "tripData.pricing.basePrice is required",
            ] {
                #expect(problems.contains(expected), "missing \(expected) in \(problems)")
            }
            let listed = try await t.request(.GET, "/api/v1/trips/templates", token: tina.accessToken)
            #expect(listed.list.isEmpty)
        }
    }

    @Test("only travelers save templates; anonymous callers are refused")
    func roles() async throws {
        try await withTestApp { t in
            let carl = try await t.signUp(userType: "customer")
            let forbidden = try await t.request(
                .POST, "/api/v1/trips/templates", json: t.templateBody(), token: carl.accessToken)
            #expect(forbidden.status == .forbidden)
            let anonymous = try await t.request(.GET, "/api/v1/trips/templates")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("the owner updates a template: trip data merges field by field and is checked again")
    func update() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let id = try await t.createTemplate(for: tina, t.templateBody())
            // act
            let updated = try await t.request(
                .PUT, "/api/v1/trips/templates/\(id)",
                json: ["name": "Eurostar Fridays", "isPublic": true, "tripData": ["pricing": ["basePrice": 2000]]],
                token: tina.accessToken)
            // assert
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(updated.string("data.name") == "Eurostar Fridays")
            #expect(updated["data.isPublic"] as? Bool == true)
            #expect(updated["data.tripData.pricing.basePrice"] as? Int == 2000)
            #expect(updated["data.tripData.pricing.pricePerKg"] as? Int == 200)
            #expect(updated.string("data.tripData.title") == "London to Paris on the Eurostar")
            let refused = try await t.request(
                .PUT, "/api/v1/trips/templates/\(id)",
                json: ["name": "Renamed", "tripData": ["capacity": ["items": 0]]], token: tina.accessToken)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.errors == ["tripData.capacity.items must be between 1 and 50"])
            let stored = try await t.request(.GET, "/api/v1/trips/templates/\(id)", token: tina.accessToken)
            #expect(stored.string("data.name") == "Eurostar Fridays")
            #expect(stored["data.tripData.capacity.items"] as? Int == 5)
        }
    }

    @Test("private templates are invisible to others; public ones are read-only to them; admins may delete")
    func visibility() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp("tina@example.com", userType: "traveler")
            let tom = try await t.signUp("tom@example.com", userType: "traveler")
            let secret = try await t.createTemplate(for: tina, t.templateBody(name: "Secret route"))
            let shared = try await t.createTemplate(
                for: tina,
                t.templateBody(
                    name: "Shared route", tripOverrides: ["autoAccept": true, "autoAcceptPrice": 2500],
                    extra: ["isPublic": true]))
            // act + assert: reading
            let hidden = try await t.request(.GET, "/api/v1/trips/templates/\(secret)", token: tom.accessToken)
            #expect(hidden.status == .notFound)
            #expect(hidden.code == "TEMPLATE_NOT_FOUND")
            let malformed = try await t.request(.GET, "/api/v1/trips/templates/not-a-uuid", token: tom.accessToken)
            #expect(malformed.code == "TEMPLATE_NOT_FOUND")
            let visible = try await t.request(.GET, "/api/v1/trips/templates/\(shared)", token: tom.accessToken)
            #expect(visible.status == .ok)
            #expect(visible["data.owner"] as? Bool == false)
            #expect(visible["data.tripData.autoAccept"] == nil)
            #expect(visible["data.tripData.autoAcceptPrice"] == nil)
            // changing
            let notYours = try await t.request(
                .PUT, "/api/v1/trips/templates/\(shared)", json: ["name": "Mine now"], token: tom.accessToken)
            #expect(notYours.status == .forbidden)
            #expect(notYours.code == "NOT_TEMPLATE_OWNER")
            let notYoursEither = try await t.request(
                .DELETE, "/api/v1/trips/templates/\(shared)", token: tom.accessToken)
            #expect(notYoursEither.code == "NOT_TEMPLATE_OWNER")
            let stillHidden = try await t.request(
                .PUT, "/api/v1/trips/templates/\(secret)", json: ["name": "Mine now"], token: tom.accessToken)
            #expect(stillHidden.code == "TEMPLATE_NOT_FOUND")
            // an admin moderates a public template
            let admin = try await t.superAdmin()
            let removed = try await t.request(.DELETE, "/api/v1/trips/templates/\(shared)", token: admin.accessToken)
            #expect(removed.status == .ok)
            let gone = try await t.request(.GET, "/api/v1/trips/templates/\(shared)", token: tina.accessToken)
            #expect(gone.code == "TEMPLATE_NOT_FOUND")
            // the owner deletes their own
            let deleted = try await t.request(.DELETE, "/api/v1/trips/templates/\(secret)", token: tina.accessToken)
            #expect(deleted.status == .ok)
            let empty = try await t.request(.GET, "/api/v1/trips/templates", token: tina.accessToken)
            #expect(empty.list.isEmpty)
        }
    }

    @Test("members who blocked each other do not see each other's public templates")
    func blocks() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let shared = try await t.createTemplate(for: tina, t.templateBody(extra: ["isPublic": true]))
            let blocked = try await t.request(.POST, "/api/v1/users/block/\(tom.id)", token: tina.accessToken)
            #expect(blocked.status == .created)
            let read = try await t.request(.GET, "/api/v1/trips/templates/\(shared)", token: tom.accessToken)
            #expect(read.code == "TEMPLATE_NOT_FOUND")
            let list = try await t.request(.GET, "/api/v1/trips/templates/public", token: tom.accessToken)
            #expect(list.list.isEmpty)
            let categories = try await t.request(.GET, "/api/v1/trips/templates/categories", token: tom.accessToken)
            #expect(categories.list.isEmpty)
        }
    }
}
