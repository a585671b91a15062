import Foundation
import TestSupport
import Testing

@Suite("Users: blocks")
struct BlockTests {
    @Test("block by body or by the seed path, list, unblock")
    func blockAndUnblock() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let carl = try await t.signUp("carl@example.com")
            // act
            let byBody = try await t.request(
                .POST, "/api/v1/users/me/blocked-users",
                json: [
                    "userId": bob.id, "reason": "harassment", "comment": "rude messages",
                ], token: ann.accessToken)
            let byPath = try await t.request(
                .POST, "/api/v1/users/block/\(carl.id)", json: ["reason": "spam"], token: ann.accessToken)
            // assert
            #expect(byBody.status == .created, "\(byBody.text)")
            #expect(byBody.string("data.reason") == "harassment")
            #expect(byBody.string("data.user.firstName") == "Test")
            #expect(byPath.status == .created)
            let list = try await t.request(.GET, "/api/v1/users/me/blocked-users", token: ann.accessToken)
            #expect(list.list.count == 2)
            #expect(Set(list.list.compactMap { $0["blockedUserId"] as? String }) == [bob.id, carl.id])
            #expect(list["pagination.total"] as? Int == 2)
            #expect(!list.text.contains("bob@example.com"))
            let unblocked = try await t.request(
                .DELETE, "/api/v1/users/me/blocked-users/\(bob.id)", token: ann.accessToken)
            #expect(unblocked.status == .ok)
            let visible = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(visible.status == .ok)
            let again = try await t.request(.DELETE, "/api/v1/users/me/blocked-users/\(bob.id)", token: ann.accessToken)
            #expect(again.status == .notFound)
            #expect(again.code == "BLOCK_NOT_FOUND")
            let activity = try await t.request(.GET, "/api/v1/users/me/activity", token: ann.accessToken)
            #expect(activity.list.contains { $0["action"] as? String == "user_blocked" })
        }
    }

    @Test("self, duplicates, unknown users and bad input are refused")
    func errors() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let yourself = try await t.request(.POST, "/api/v1/users/block/\(ann.id)", token: ann.accessToken)
            #expect(yourself.status == .unprocessableEntity)
            #expect(yourself.code == "CANNOT_TARGET_SELF")
            try await t.request(.POST, "/api/v1/users/block/\(bob.id)", token: ann.accessToken)
            let duplicate = try await t.request(
                .POST, "/api/v1/users/me/blocked-users", json: ["userId": bob.id], token: ann.accessToken)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.code == "ALREADY_BLOCKED")
            let unknown = try await t.request(.POST, "/api/v1/users/block/\(UUID())", token: ann.accessToken)
            #expect(unknown.status == .notFound)
            #expect(unknown.code == "USER_NOT_FOUND")
            let malformed = try await t.request(
                .POST, "/api/v1/users/me/blocked-users", json: ["userId": "bob", "reason": "boredom"],
                token: ann.accessToken)
            #expect(malformed.status == .unprocessableEntity)
            #expect(
                Set(malformed.errors) == [
                    "userId must be a user id (UUID)",
                    "reason must be one of spam, harassment, inappropriate_behavior, safety_concern, fraud, other",
                ])
            let missing = try await t.request(
                .POST, "/api/v1/users/me/blocked-users", json: [:], token: ann.accessToken)
            #expect(missing.status == .badRequest)
            let longComment = try await t.request(
                .POST, "/api/v1/users/block/\(UUID())", json: ["comment": String(repeating: "c", count: 501)],
                token: ann.accessToken)
            #expect(longComment.errors == ["comment must be at most 500 characters"])
            // Being blocked does not stop blocking back.
            let backwards = try await t.request(.POST, "/api/v1/users/block/\(ann.id)", token: bob.accessToken)
            #expect(backwards.status == .created)
            for (method, path) in [
                ("POST", "/api/v1/users/block/\(bob.id)"), ("GET", "/api/v1/users/me/blocked-users"),
                ("DELETE", "/api/v1/users/me/blocked-users/\(bob.id)"),
            ] {
                let anonymous = try await t.request(.init(rawValue: method), path)
                #expect(anonymous.status == .unauthorized, "\(path)")
            }
            let anonymousBody = try await t.request(.POST, "/api/v1/users/me/blocked-users", json: ["userId": bob.id])
            #expect(anonymousBody.status == .unauthorized)
        }
    }

    @Test("a block ends favorites both ways and hides the pair from each other")
    func blockEndsFavorites() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com", userType: "both")
            let bob = try await t.signUp("bob@example.com", userType: "both")
            try await t.request(.POST, "/api/v1/users/favorites/\(bob.id)", token: ann.accessToken)
            try await t.request(.POST, "/api/v1/users/favorites/\(ann.id)", token: bob.accessToken)
            try await t.request(.POST, "/api/v1/users/block/\(ann.id)", token: bob.accessToken)
            let annFavorites = try await t.request(.GET, "/api/v1/users/me/favorites", token: ann.accessToken)
            #expect(annFavorites.list.isEmpty)
            let bobFavorites = try await t.request(.GET, "/api/v1/users/me/favorites", token: bob.accessToken)
            #expect(bobFavorites.list.isEmpty)
            let refavorite = try await t.request(.POST, "/api/v1/users/favorites/\(bob.id)", token: ann.accessToken)
            #expect(refavorite.status == .notFound)
        }
    }
}
