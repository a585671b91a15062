import Foundation
import TestSupport
import Testing

@Suite("Users: statistics and activity")
struct StatisticsAndActivityTests {
    @Test("own statistics include money in minor units; another user's do not")
    func statistics() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let own = try await t.request(.GET, "/api/v1/users/me/statistics", token: ann.accessToken)
            #expect(own.status == .ok)
            #expect(own["data.totalEarnings.amount"] as? Int == 0)
            #expect(own.string("data.totalEarnings.currency") == "EUR")
            #expect(own["data.totalSpent.amount"] as? Int == 0)
            #expect(own["data.totalDeliveries"] as? Int == 0)
            let other = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics", token: bob.accessToken)
            #expect(other.status == .ok)
            #expect(other.data["totalEarnings"] == nil)
            #expect(other.data["totalSpent"] == nil)
            #expect(other.data["lastActiveAt"] == nil)
            #expect(other["data.averageRating"] as? Double == 0)
            let viaId = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics", token: ann.accessToken)
            #expect(viaId["data.totalEarnings.amount"] as? Int == 0)
            let unknown = try await t.request(.GET, "/api/v1/users/\(UUID())/statistics", token: bob.accessToken)
            #expect(unknown.status == .notFound)
            let anonymous = try await t.request(.GET, "/api/v1/users/me/statistics")
            #expect(anonymous.status == .unauthorized)
            let anonymousOther = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics")
            #expect(anonymousOther.status == .unauthorized)
        }
    }

    @Test("the activity feed lists the user's own actions, newest first, paginated and filterable")
    func activity() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            t.clock.advance(by: 1)
            try await t.request(.PUT, "/api/v1/users/me", json: ["bio": "one"], token: ann.accessToken)
            t.clock.advance(by: 1)
            _ = try await t.addAddress(ann)
            t.clock.advance(by: 1)
            try await t.request(.PUT, "/api/v1/users/me/notifications", json: ["sms": true], token: ann.accessToken)
            try await t.request(.PUT, "/api/v1/users/me", json: ["bio": "bob's"], token: bob.accessToken)
            let feed = try await t.request(.GET, "/api/v1/users/me/activity?category=profile", token: ann.accessToken)
            #expect(feed.status == .ok)
            #expect(
                feed.list.compactMap { $0["action"] as? String } == [
                    "preferences_updated", "address_added", "profile_updated",
                ])
            let all = try await t.request(.GET, "/api/v1/users/me/activity?limit=2&page=1", token: ann.accessToken)
            #expect(all.list.count == 2)
            #expect((all["pagination.total"] as? Int ?? 0) >= 4)
            let invalid = try await t.request(.GET, "/api/v1/users/me/activity?limit=1000", token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            let anonymous = try await t.request(.GET, "/api/v1/users/me/activity")
            #expect(anonymous.status == .unauthorized)
        }
    }
}
