import Foundation
import TestSupport
import Testing

@Suite("Users: favorites")
struct FavoriteTests {
    @Test("a customer favorites travelers by body or seed path, lists and removes them")
    func addListRemove() async throws {
        try await withTestApp { t in
            // setup
            let carla = try await t.signUp("carla@example.com", userType: "customer")
            let tom = try await t.signUp("tom@example.com", userType: "traveler")
            let bea = try await t.signUp("bea@example.com", userType: "both")
            // act
            let byBody = try await t.request(
                .POST, "/api/v1/users/me/favorites", json: ["travelerId": tom.id], token: carla.accessToken)
            let byPath = try await t.request(.POST, "/api/v1/users/favorites/\(bea.id)", token: carla.accessToken)
            // assert
            #expect(byBody.status == .created, "\(byBody.text)")
            #expect(byBody.string("data.travelerId") == tom.id)
            #expect(byBody.string("data.traveler.userType") == "traveler")
            #expect(byPath.status == .created)
            let list = try await t.request(.GET, "/api/v1/users/me/favorites", token: carla.accessToken)
            #expect(list.list.count == 2)
            #expect(!list.text.contains("tom@example.com"))
            let removed = try await t.request(.DELETE, "/api/v1/users/me/favorites/\(tom.id)", token: carla.accessToken)
            #expect(removed.status == .ok)
            let after = try await t.request(.GET, "/api/v1/users/me/favorites", token: carla.accessToken)
            #expect(after.list.map { $0["travelerId"] as? String } == [bea.id])
            let again = try await t.request(.DELETE, "/api/v1/users/me/favorites/\(tom.id)", token: carla.accessToken)
            #expect(again.status == .notFound)
            #expect(again.code == "FAVORITE_NOT_FOUND")
        }
    }

    @Test("only travelers can be favorited; not yourself, not twice, not unknown users")
    func errors() async throws {
        try await withTestApp { t in
            let carla = try await t.signUp("carla@example.com", userType: "customer")
            let dora = try await t.signUp("dora@example.com", userType: "customer")
            let bea = try await t.signUp("bea@example.com", userType: "both")
            let tom = try await t.signUp("tom@example.com", userType: "traveler")
            let customer = try await t.request(.POST, "/api/v1/users/favorites/\(dora.id)", token: carla.accessToken)
            #expect(customer.status == .unprocessableEntity)
            #expect(customer.code == "NOT_A_TRAVELER")
            let yourself = try await t.request(.POST, "/api/v1/users/favorites/\(bea.id)", token: bea.accessToken)
            #expect(yourself.status == .unprocessableEntity)
            #expect(yourself.code == "CANNOT_TARGET_SELF")
            try await t.request(.POST, "/api/v1/users/favorites/\(tom.id)", token: carla.accessToken)
            let duplicate = try await t.request(
                .POST, "/api/v1/users/me/favorites", json: ["travelerId": tom.id], token: carla.accessToken)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.code == "ALREADY_FAVORITED")
            let unknown = try await t.request(.POST, "/api/v1/users/favorites/\(UUID())", token: carla.accessToken)
            #expect(unknown.status == .notFound)
            let malformed = try await t.request(
                .POST, "/api/v1/users/me/favorites", json: ["travelerId": "tom"], token: carla.accessToken)
            #expect(malformed.status == .unprocessableEntity)
            let missing = try await t.request(.POST, "/api/v1/users/me/favorites", json: [:], token: carla.accessToken)
            #expect(missing.status == .badRequest)
            // A traveler-only account sends nothing, so it keeps no favorites.
            let travelerOnly = try await t.request(.POST, "/api/v1/users/favorites/\(bea.id)", token: tom.accessToken)
            #expect(travelerOnly.status == .forbidden)
            let travelerList = try await t.request(.GET, "/api/v1/users/me/favorites", token: tom.accessToken)
            #expect(travelerList.status == .forbidden)
            let anonymous = try await t.request(.GET, "/api/v1/users/me/favorites")
            #expect(anonymous.status == .unauthorized)
            let anonymousAdd = try await t.request(.POST, "/api/v1/users/favorites/\(tom.id)")
            #expect(anonymousAdd.status == .unauthorized)
        }
    }
}
