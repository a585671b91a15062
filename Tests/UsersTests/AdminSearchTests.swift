import Foundation
import TestSupport
import Testing

@Suite("Users: admin search and nearby addresses")
struct AdminSearchTests {
    @Test("GET /users filters by text, type, status and level, paginated, with the private view")
    func search() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann.smith@example.com", userType: "customer")
            let bob = try await t.signUp("bob@example.com", userType: "traveler")
            try await t.request(.PUT, "/api/v1/users/me", json: ["lastName": "Smithers"], token: bob.accessToken)
            try await t.verifyPhone(bob)
            let root = try await t.superAdmin()
            // act
            let smith = try await t.request(.GET, "/api/v1/users?q=SMITH", token: root.accessToken)
            // assert
            #expect(smith.status == .ok)
            #expect(Set(smith.list.compactMap { $0["id"] as? String }) == [ann.id, bob.id])
            #expect(smith.list.first?["email"] != nil)
            #expect(!smith.text.contains("passwordHash"))
            let travelers = try await t.request(.GET, "/api/v1/users?userType=traveler", token: root.accessToken)
            #expect(travelers.list.map { $0["id"] as? String } == [bob.id])
            let phoneVerified = try await t.request(
                .GET, "/api/v1/users?verificationLevel=phone_verified", token: root.accessToken)
            #expect(phoneVerified.list.map { $0["id"] as? String } == [bob.id])
            let active = try await t.request(
                .GET, "/api/v1/users?status=active&limit=2&page=1", token: root.accessToken)
            #expect(active.list.count == 2)
            #expect(active["pagination.total"] as? Int == 3)
            #expect(active["pagination.totalPages"] as? Int == 2)
            let none = try await t.request(.GET, "/api/v1/users?q=nobody-at-all", token: root.accessToken)
            #expect(none.list.isEmpty)
            // A typed `%` or `_` is a character, not a wildcard, on both databases.
            let percent = try await t.request(.GET, "/api/v1/users?q=%25", token: root.accessToken)
            #expect(percent.status == .ok)
            #expect(percent.list.isEmpty, "\(percent.text)")
            let underscore = try await t.request(.GET, "/api/v1/users?q=a_n", token: root.accessToken)
            #expect(underscore.list.isEmpty, "\(underscore.text)")
        }
    }

    @Test("bad filters are a 422; non-admins get 403 and anonymous callers 401")
    func errors() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let root = try await t.superAdmin()
            let bad = try await t.request(
                .GET, "/api/v1/users?userType=alien&status=sleeping&verificationLevel=max&limit=0",
                token: root.accessToken)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errors.count >= 3)
            let user = try await t.request(.GET, "/api/v1/users", token: ann.accessToken)
            #expect(user.status == .forbidden)
            #expect(user.code == "FORBIDDEN")
            let anonymous = try await t.request(.GET, "/api/v1/users")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("GET /users/nearby-addresses returns saved addresses within the radius, nearest first")
    func nearby() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let root = try await t.superAdmin()
            let louvre = try await t.addAddress(ann, lat: 48.8606, lng: 2.3376)
            let versailles = try await t.addAddress(bob, city: "Versailles", lat: 48.8049, lng: 2.1204)
            _ = try await t.addAddress(bob, city: "Lyon", lat: 45.764, lng: 4.8357)
            let near = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=48.8566&lng=2.3522&radiusKm=25", token: root.accessToken)
            #expect(near.status == .ok)
            #expect(
                near.list.compactMap { ($0["address"] as? [String: Any])?["id"] as? String } == [louvre, versailles])
            #expect(near.list.first?["userId"] as? String == ann.id)
            let distance = try #require(near.list.first?["distanceKm"] as? Double)
            #expect(distance < 2)
            #expect(near["pagination.total"] as? Int == 2)
            let wide = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=48.8566&lng=2.3522&radiusKm=500", token: root.accessToken)
            #expect(wide.list.count == 3)
            let badRadius = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=48.8&lng=2.3&radiusKm=5000", token: root.accessToken)
            #expect(badRadius.status == .unprocessableEntity)
            let badPoint = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=north", token: root.accessToken)
            #expect(badPoint.status == .unprocessableEntity)
            let user = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=48.8&lng=2.3", token: ann.accessToken)
            #expect(user.status == .forbidden)
            let anonymous = try await t.request(.GET, "/api/v1/users/nearby-addresses?lat=48.8&lng=2.3")
            #expect(anonymous.status == .unauthorized)
        }
    }
}
