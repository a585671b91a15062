import Foundation
import TestSupport
import Testing

@Suite("Users: personal data export and erasure")
struct PersonalDataTests {
    @Test("the account export carries every Users table row of the user")
    func export() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com", userType: "both")
            let tom = try await t.signUp("tom@example.com", userType: "traveler")
            let bob = try await t.signUp("bob@example.com")
            try await t.request(
                .PUT, "/api/v1/users/me", json: ["bio": "Hello", "languages": ["en"]], token: ann.accessToken)
            _ = try await t.addAddress(ann)
            try await t.verifyPhone(ann)
            _ = try await t.submitPassport(ann)
            try await t.request(.POST, "/api/v1/users/favorites/\(tom.id)", token: ann.accessToken)
            try await t.request(.POST, "/api/v1/users/block/\(bob.id)", token: ann.accessToken)
            try await t.request(
                .POST, "/api/v1/users/reports",
                json: ["reportedUserId": bob.id, "category": "spam", "description": "Sends spam links daily"],
                token: ann.accessToken)
            // act
            let export = try await t.request(.GET, "/api/v1/auth/account/export", token: ann.accessToken)
            // assert
            #expect(export.status == .ok)
            let profile = try #require(export["data.data.profile"] as? [String: Any])
            #expect(profile["bio"] as? String == "Hello")
            #expect((profile["addresses"] as? [Any])?.count == 1)
            #expect((profile["identityDocuments"] as? [Any])?.count == 1)
            #expect((profile["phoneVerifications"] as? [Any])?.count == 1)
            #expect((profile["favorites"] as? [Any])?.count == 1)
            #expect((profile["blockedUsers"] as? [Any])?.count == 1)
            #expect((profile["reportsFiled"] as? [Any])?.count == 1)
            #expect((profile["preferences"] as? [String: Any])?["notification"] != nil)
            #expect(profile["statistics"] != nil)
        }
    }

    @Test("deleting the account erases addresses, documents, files, favorites and blocks")
    func erasure() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com", userType: "both")
            let bob = try await t.signUp("bob@example.com", userType: "both")
            let root = try await t.superAdmin()
            _ = try await t.addAddress(ann)
            _ = try await t.submitPassport(ann)
            var picture = Multipart()
            picture.file("file", SampleFile.png)
            try await t.upload("/api/v1/users/me/profile-picture", picture, token: ann.accessToken)
            try await t.request(.POST, "/api/v1/users/favorites/\(ann.id)", token: bob.accessToken)
            try await t.request(.POST, "/api/v1/users/block/\(bob.id)", token: ann.accessToken)
            #expect(t.storedFiles.count == 3)
            // act
            let deleted = try await t.request(
                .DELETE, "/api/v1/users/me", json: ["password": ann.password], token: ann.accessToken)
            try await t.runJobs()
            // assert
            #expect(deleted.status == .ok)
            #expect(t.storedFiles.isEmpty)
            let nearby = try await t.request(
                .GET, "/api/v1/users/nearby-addresses?lat=48.8566&lng=2.3522&radiusKm=50", token: root.accessToken)
            #expect(nearby.list.isEmpty)
            let queue = try await t.request(.GET, "/api/v1/users/verification/pending", token: root.accessToken)
            #expect(queue.list.isEmpty)
            let favorites = try await t.request(.GET, "/api/v1/users/me/favorites", token: bob.accessToken)
            #expect(favorites.list.isEmpty)
        }
    }
}
