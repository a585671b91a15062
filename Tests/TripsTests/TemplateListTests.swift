import Foundation
import TestSupport
import Testing

@Suite("Trips: template lists, search and categories")
struct TemplateListTests {
    @Test("public lists show every member's public templates, by name or by use, paginated")
    func publicAndPopular() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let alpha = try await t.createTemplate(
                for: tina, t.templateBody(name: "alpha route", extra: ["isPublic": true]))
            let beta = try await t.createTemplate(
                for: tom, t.templateBody(name: "beta route", extra: ["isPublic": true]))
            _ = try await t.createTemplate(for: tom, t.templateBody(name: "private route"))
            for _ in 0..<2 {
                let made = try await t.request(
                    .POST, "/api/v1/trips/templates/\(beta)/create-trip", json: t.schedule(inHours: 48),
                    token: tina.accessToken)
                #expect(made.status == .created, "\(made.text)")
            }
            // act
            let byName = try await t.request(.GET, "/api/v1/trips/templates/public", token: tina.accessToken)
            let popular = try await t.request(.GET, "/api/v1/trips/templates/popular", token: tina.accessToken)
            let firstPage = try await t.request(
                .GET, "/api/v1/trips/templates/public?page=2&limit=1", token: tina.accessToken)
            let badPage = try await t.request(
                .GET, "/api/v1/trips/templates/popular?limit=500", token: tina.accessToken)
            // assert
            #expect(byName.list.map { $0["id"] as? String } == [alpha, beta])
            #expect(popular.list.map { $0["id"] as? String } == [beta, alpha])
            #expect(popular.list.map { $0["usageCount"] as? Int } == [2, 0])
            #expect(firstPage.list.map { $0["id"] as? String } == [beta])
            #expect(firstPage["pagination.total"] as? Int == 2)
            #expect(firstPage["pagination.totalPages"] as? Int == 2)
            #expect(badPage.status == .unprocessableEntity)
            #expect(badPage.errors == ["limit must be between 1 and 100"])
        }
    }

    @Test("search matches name or description in any case, within what the caller can see, and by category")
    func search() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let mine = try await t.createTemplate(
                for: tina, t.templateBody(name: "Alps ski run", extra: ["category": "holiday"]))
            let theirs = try await t.createTemplate(
                for: tom,
                t.templateBody(
                    name: "Weekly commute",
                    extra: ["description": "The ALPS by night", "isPublic": true, "category": "commute"]))
            _ = try await t.createTemplate(
                for: tom, t.templateBody(name: "Alps private", extra: ["category": "holiday"]))
            // act
            let text = try await t.request(.GET, "/api/v1/trips/templates/search?q=alps", token: tina.accessToken)
            let category = try await t.request(
                .GET, "/api/v1/trips/templates/search?category=Holiday", token: tina.accessToken)
            let both = try await t.request(
                .GET, "/api/v1/trips/templates/search?q=alps&category=commute", token: tina.accessToken)
            let nothing = try await t.request(.GET, "/api/v1/trips/templates/search?q=%20", token: tina.accessToken)
            // assert
            #expect(Set(text.list.compactMap { $0["id"] as? String }) == [mine, theirs])
            #expect(category.list.map { $0["id"] as? String } == [mine])
            #expect(both.list.map { $0["id"] as? String } == [theirs])
            #expect(nothing.status == .unprocessableEntity)
            #expect(nothing.errors == ["give q or category"])
        }
    }

    @Test("categories count the templates the caller can see, largest first")
    func categories() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            _ = try await t.createTemplate(for: tina, t.templateBody(name: "One", extra: ["category": "business"]))
            _ = try await t.createTemplate(for: tina, t.templateBody(name: "Two"))
            _ = try await t.createTemplate(
                for: tom, t.templateBody(name: "Three", extra: ["category": "business", "isPublic": true]))
            _ = try await t.createTemplate(for: tom, t.templateBody(name: "Four", extra: ["category": "secret"]))
            let response = try await t.request(.GET, "/api/v1/trips/templates/categories", token: tina.accessToken)
            #expect(response.status == .ok)
            #expect(response.list.map { $0["category"] as? String } == ["business", "general"])
            #expect(response.list.map { $0["count"] as? Int } == [2, 1])
        }
    }
}

@Suite("Trips: trips from templates")
struct TemplateTripTests {
    @Test("a trip made from a template keeps its shape, takes the overrides, and counts the use")
    func createTrip() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let id = try await t.createTemplate(
                for: tina, t.templateBody(tripOverrides: ["autoAccept": true, "autoAcceptPrice": 2500]))
            // Later than the template's creation (within the access token's 15 minutes).
            t.clock.advance(by: 600)
            var body = t.schedule(inHours: 30)
            body["title"] = "Friday Eurostar"
            body["pricing"] = ["basePrice": 1800]
            // act
            let created = try await t.request(
                .POST, "/api/v1/trips/templates/\(id)/create-trip", json: body, token: tina.accessToken)
            // assert
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.title") == "Friday Eurostar")
            #expect(created.string("data.travelerId") == tina.id)
            #expect(created.string("data.status") == "upcoming")
            #expect(created["data.pricing.basePrice.amount"] as? Int == 1800)
            #expect(created["data.pricing.pricePerKg.amount"] as? Int == 200)
            #expect(created.string("data.origin.address") == "London, United Kingdom")
            #expect(created["data.autoAcceptPrice.amount"] as? Int == 2500)
            #expect(created.string("data.departureTime") == t.isoTime(inHours: 30))
            let template = try await t.request(.GET, "/api/v1/trips/templates/\(id)", token: tina.accessToken)
            #expect(template["data.usageCount"] as? Int == 1)
            #expect(template.string("data.lastUsedAt") == t.isoTime(inHours: 0))
            let trips = try await t.request(.GET, "/api/v1/trips/my-trips", token: tina.accessToken)
            #expect(trips.list.count == 1)
        }
    }

    @Test("another traveler uses a public template for their own trip, without the owner's auto-accept")
    func publicUse() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let id = try await t.createTemplate(
                for: tina,
                t.templateBody(tripOverrides: ["autoAccept": true, "autoAcceptPrice": 2500], extra: ["isPublic": true]))
            let created = try await t.request(
                .POST, "/api/v1/trips/templates/\(id)/create-trip", json: t.schedule(inHours: 48),
                token: tom.accessToken)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("data.travelerId") == tom.id)
            #expect(created["data.autoAccept"] as? Bool == false)
            #expect(created["data.autoAcceptPrice"] == nil)
            let template = try await t.request(.GET, "/api/v1/trips/templates/\(id)", token: tina.accessToken)
            #expect(template["data.usageCount"] as? Int == 1)
            let tinasTrips = try await t.request(.GET, "/api/v1/trips/my-trips", token: tina.accessToken)
            #expect(tinasTrips.list.isEmpty)
        }
    }

    @Test("a refused trip counts no use; private, missing and customer cases are refused precisely")
    func refusals() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let carl = try await t.signUp(userType: "customer")
            let id = try await t.createTemplate(for: tina, t.templateBody())
            let path = "/api/v1/trips/templates/\(id)/create-trip"
            // act + assert
            let untimed = try await t.request(.POST, path, json: [:], token: tina.accessToken)
            #expect(untimed.status == .unprocessableEntity)
            #expect(untimed.errors == ["departureTime is required", "arrivalTime is required"])
            let past = try await t.request(.POST, path, json: t.schedule(inHours: -5), token: tina.accessToken)
            #expect(past.errors == ["departureTime must be in the future"])
            let privateOne = try await t.request(.POST, path, json: t.schedule(inHours: 48), token: tom.accessToken)
            #expect(privateOne.status == .notFound)
            #expect(privateOne.code == "TEMPLATE_NOT_FOUND")
            let customer = try await t.request(.POST, path, json: t.schedule(inHours: 48), token: carl.accessToken)
            #expect(customer.status == .forbidden)
            let missing = try await t.request(
                .POST, "/api/v1/trips/templates/\(UUID().uuidString)/create-trip", json: t.schedule(inHours: 48),
                token: tina.accessToken)
            #expect(missing.code == "TEMPLATE_NOT_FOUND")
            let template = try await t.request(.GET, "/api/v1/trips/templates/\(id)", token: tina.accessToken)
            #expect(template["data.usageCount"] as? Int == 0)
            let trips = try await t.request(.GET, "/api/v1/trips/my-trips", token: tina.accessToken)
            #expect(trips.list.isEmpty)
        }
    }
}
