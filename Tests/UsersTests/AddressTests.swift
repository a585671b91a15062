import Foundation
import TestSupport
import Testing

@Suite("Users: addresses")
struct AddressTests {
    @Test("the first address is the default; a later one can take over; both seed and /me routes add")
    func createAndDefault() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            // act
            let first = try await t.request(
                .POST, "/api/v1/users/me/addresses",
                json: [
                    "type": "home", "label": "Home", "street": "10 Rue de Rivoli", "city": "Paris",
                    "postalCode": "75001",
                    "country": "fr", "instructions": "Code 1234, 3rd floor",
                ], token: ann.accessToken)
            let second = try await t.request(
                .POST, "/api/v1/users/addresses",
                json: [
                    "type": "work", "street": "221B Baker Street", "city": "London", "country": "GB", "isDefault": true,
                ], token: ann.accessToken)
            // assert
            #expect(first.status == .created, "\(first.text)")
            #expect(first["data.isDefault"] as? Bool == true)
            #expect(first.string("data.country") == "FR")
            #expect(first.string("data.instructions") == "Code 1234, 3rd floor")
            let lat = try #require(first["data.coordinates.lat"] as? Double)
            #expect(abs(lat - 48.85) < 0.2, "geocoded to Paris")
            #expect(second.status == .created)
            #expect(second["data.isDefault"] as? Bool == true)
            let list = try await t.request(.GET, "/api/v1/users/me/addresses", token: ann.accessToken)
            #expect(list.list.count == 2)
            #expect(list.list.filter { $0["isDefault"] as? Bool == true }.count == 1)
            #expect(list.list.first?["city"] as? String == "London")
            let firstId = try #require(first.string("data.id"))
            let makeDefault = try await t.request(
                .POST, "/api/v1/users/me/addresses/\(firstId)/default", token: ann.accessToken)
            #expect(makeDefault.status == .ok)
            let after = try await t.request(.GET, "/api/v1/users/me/addresses", token: ann.accessToken)
            #expect(after.list.first?["id"] as? String == firstId)
            #expect(after.list.filter { $0["isDefault"] as? Bool == true }.count == 1)
        }
    }

    @Test("missing and malformed fields are a 422 listing each rule; an unknown city needs coordinates")
    func validation() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let invalid = try await t.request(
                .POST, "/api/v1/users/me/addresses",
                json: [
                    "type": "castle", "country": "France", "coordinates": ["lat": 91, "lng": 0],
                    "label": String(repeating: "l", count: 51),
                ], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                Set(invalid.errors) == [
                    "type must be one of home, work, pickup, delivery, other", "street is required", "city is required",
                    "label must be at most 50 characters", "country must be an ISO 3166-1 alpha-2 code such as FR",
                    "coordinates must have lat in -90…90 and lng in -180…180",
                ])
            let unknownCity = try await t.request(
                .POST, "/api/v1/users/me/addresses",
                json: [
                    "street": "1 Main Street", "city": "Qwertyville", "country": "FR",
                ], token: ann.accessToken)
            #expect(unknownCity.status == .unprocessableEntity)
            #expect(unknownCity.code == "ADDRESS_NOT_LOCATED")
            let withCoordinates = try await t.request(
                .POST, "/api/v1/users/me/addresses",
                json: [
                    "street": "1 Main Street", "city": "Qwertyville", "country": "FR",
                    "coordinates": ["lat": 45.1, "lng": 4.2],
                ], token: ann.accessToken)
            #expect(withCoordinates.status == .created)
            #expect(withCoordinates.string("data.type") == "other")
            let anonymous = try await t.request(.POST, "/api/v1/users/me/addresses", json: ["street": "x"])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("update re-locates a moved address; clearing the default flag is refused")
    func update() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let id = try await t.addAddress(ann)
            let moved = try await t.request(
                .PUT, "/api/v1/users/me/addresses/\(id)",
                json: [
                    "city": "Lisbon", "country": "PT", "label": "Flat",
                ], token: ann.accessToken)
            #expect(moved.status == .ok)
            #expect(moved.string("data.label") == "Flat")
            let lng = try #require(moved["data.coordinates.lng"] as? Double)
            #expect(abs(lng - (-9.14)) < 0.3, "re-geocoded to Lisbon")
            let cleared = try await t.request(
                .PUT, "/api/v1/users/me/addresses/\(id)", json: ["isDefault": false], token: ann.accessToken)
            #expect(cleared.status == .unprocessableEntity)
            let invalid = try await t.request(
                .PUT, "/api/v1/users/me/addresses/\(id)", json: ["street": ""], token: ann.accessToken)
            #expect(invalid.errors == ["street must be 1 to 200 characters"])
        }
    }

    @Test("deleting the default promotes the oldest remaining address")
    func deleteDefault() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let first = try await t.addAddress(ann)
            let second = try await t.addAddress(ann, city: "Lyon", lat: 45.76, lng: 4.83)
            let deleted = try await t.request(.DELETE, "/api/v1/users/me/addresses/\(first)", token: ann.accessToken)
            #expect(deleted.status == .ok)
            let list = try await t.request(.GET, "/api/v1/users/me/addresses", token: ann.accessToken)
            #expect(list.list.count == 1)
            #expect(list.list.first?["id"] as? String == second)
            #expect(list.list.first?["isDefault"] as? Bool == true)
            let again = try await t.request(.DELETE, "/api/v1/users/me/addresses/\(first)", token: ann.accessToken)
            #expect(again.status == .notFound)
            #expect(again.code == "ADDRESS_NOT_FOUND")
        }
    }

    @Test("another user's address id is a 404 on every route; so is an unknown or malformed one")
    func foreignAddress() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let annAddress = try await t.addAddress(ann)
            let put = try await t.request(
                .PUT, "/api/v1/users/me/addresses/\(annAddress)", json: ["label": "mine"], token: bob.accessToken)
            let delete = try await t.request(
                .DELETE, "/api/v1/users/me/addresses/\(annAddress)", token: bob.accessToken)
            let makeDefault = try await t.request(
                .POST, "/api/v1/users/me/addresses/\(annAddress)/default", token: bob.accessToken)
            for response in [put, delete, makeDefault] {
                #expect(response.status == .notFound)
                #expect(response.code == "ADDRESS_NOT_FOUND")
            }
            let unknown = try await t.request(.DELETE, "/api/v1/users/me/addresses/\(UUID())", token: ann.accessToken)
            #expect(unknown.status == .notFound)
            let malformed = try await t.request(
                .POST, "/api/v1/users/me/addresses/nope/default", token: ann.accessToken)
            #expect(malformed.status == .notFound)
            let bobList = try await t.request(.GET, "/api/v1/users/me/addresses", token: bob.accessToken)
            #expect(bobList.list.isEmpty)
            let annList = try await t.request(.GET, "/api/v1/users/me/addresses", token: ann.accessToken)
            #expect(annList.list.first?["label"] == nil)
        }
    }

    @Test("at most 20 addresses per user")
    func limit() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            for index in 0..<20 {
                _ = try await t.addAddress(ann, lat: 48 + Double(index) / 100)
            }
            let extra = try await t.request(
                .POST, "/api/v1/users/me/addresses",
                json: [
                    "street": "x", "city": "Paris", "country": "FR",
                ], token: ann.accessToken)
            #expect(extra.status == .unprocessableEntity)
            #expect(extra.errors == ["you can keep at most 20 addresses"])
        }
    }
}

@Suite("Users: geocoding")
struct GeocodingTests {
    @Test("POST /users/geocode finds cities and airports; bad input is a 422")
    func geocode() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let paris = try await t.request(
                .POST, "/api/v1/users/geocode", json: ["address": "10 Rue de Rivoli, Paris, France"],
                token: ann.accessToken)
            #expect(paris.status == .ok)
            #expect(paris.list.first?["name"] as? String == "Paris")
            #expect(paris.list.first?["countryCode"] as? String == "FR")
            let airport = try await t.request(
                .POST, "/api/v1/users/geocode", json: ["address": "JFK", "limit": 1], token: ann.accessToken)
            #expect(airport.list.count == 1)
            #expect(airport.list.first?["iata"] as? String == "JFK")
            let nothing = try await t.request(
                .POST, "/api/v1/users/geocode", json: ["address": "qwertyuiop"], token: ann.accessToken)
            #expect(nothing.status == .ok)
            #expect(nothing.list.isEmpty)
            let invalid = try await t.request(
                .POST, "/api/v1/users/geocode", json: ["address": " ", "limit": 50], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.errors.count == 2)
            let anonymous = try await t.request(.POST, "/api/v1/users/geocode", json: ["address": "Paris"])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("GET /users/reverse-geocode names the place at a point; nowhere is a 404, bad numbers 422")
    func reverse() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let lisbon = try await t.request(
                .GET, "/api/v1/users/reverse-geocode?lat=38.72&lng=-9.14", token: ann.accessToken)
            #expect(lisbon.status == .ok)
            #expect(lisbon.string("data.name") == "Lisbon")
            let ocean = try await t.request(
                .GET, "/api/v1/users/reverse-geocode?lat=-40&lng=-140", token: ann.accessToken)
            #expect(ocean.status == .notFound)
            #expect(ocean.code == "PLACE_NOT_FOUND")
            let invalid = try await t.request(
                .GET, "/api/v1/users/reverse-geocode?lat=100&lng=abc", token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                Set(invalid.errors) == ["lat must be a number from -90 to 90", "lng must be a number from -180 to 180"])
            let missing = try await t.request(.GET, "/api/v1/users/reverse-geocode", token: ann.accessToken)
            #expect(missing.status == .unprocessableEntity)
            let anonymous = try await t.request(.GET, "/api/v1/users/reverse-geocode?lat=38.72&lng=-9.14")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("POST /users/validate-address says whether an address is usable and where it is")
    func validate() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let good = try await t.request(
                .POST, "/api/v1/users/validate-address",
                json: [
                    "street": "Unter den Linden 77", "city": "Berlin", "country": "DE",
                ], token: ann.accessToken)
            #expect(good.status == .ok)
            #expect(good["data.valid"] as? Bool == true)
            #expect(good.string("data.match.name") == "Berlin")
            #expect(good["data.coordinates.lat"] as? Double != nil)
            let far = try await t.request(
                .POST, "/api/v1/users/validate-address",
                json: [
                    "street": "Unter den Linden 77", "city": "Berlin", "country": "DE",
                    "coordinates": ["lat": 48.85, "lng": 2.35],
                ], token: ann.accessToken)
            #expect(far["data.valid"] as? Bool == false)
            #expect((far["data.problems"] as? [String])?.first?.contains("km from Berlin") == true)
            let wrongCountry = try await t.request(
                .POST, "/api/v1/users/validate-address",
                json: [
                    "street": "1 Main Street", "city": "Berlin", "country": "JP",
                ], token: ann.accessToken)
            #expect(wrongCountry["data.valid"] as? Bool == false)
            let incomplete = try await t.request(
                .POST, "/api/v1/users/validate-address", json: ["city": "Berlin"], token: ann.accessToken)
            #expect(incomplete["data.valid"] as? Bool == false)
            #expect(
                Set(incomplete["data.problems"] as? [String] ?? []).isSuperset(of: [
                    "street is required", "country is required",
                ]))
            let anonymous = try await t.request(.POST, "/api/v1/users/validate-address", json: ["city": "Berlin"])
            #expect(anonymous.status == .unauthorized)
        }
    }
}
