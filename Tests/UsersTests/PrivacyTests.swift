import Auth
import Fluent
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Users: privacy")
struct PrivacyTests {
    @Test("no Users response another user can reach shows the owner's private data or any secret")
    func strangerSeesNothingPrivate() async throws {
        try await withTestApp { t in
            // setup: an owner with every kind of private data
            let owner = try await t.signUp("owner@example.com", userType: "both")
            let stranger = try await t.signUp("stranger@example.com", userType: "customer")
            try await t.request(
                .PUT, "/api/v1/users/me",
                json: [
                    "lastName": "Privatename", "dateOfBirth": "1988-03-14", "bio": "Public bio",
                ], token: owner.accessToken)
            try await t.verifyPhone(owner, number: "+33611112222")
            let addressId = try await t.addAddress(
                owner, extra: ["street": "7 Secret Lane", "instructions": "Key under the mat"])
            var picture = Multipart()
            picture.file("file", SampleFile.png)
            try await t.upload("/api/v1/users/me/profile-picture", picture, token: owner.accessToken)
            let documentId = try await t.submitPassport(owner)
            let user = try #require(try await User.query(on: t.app.db).filter(\.$email == owner.email).first())
            let secrets = [try #require(user.passwordHash), owner.accessToken, owner.refreshToken, owner.password]
            let privateValues = [
                "owner@example.com", "+33611112222", "1988-03-14", "Privatename", "7 Secret Lane", "Key under the mat",
                "identity-documents/", "profile-pictures/",
            ]

            // act: everything the stranger can reach about the owner, and the stranger's own routes
            var responses: [(String, APIResponse)] = []
            func call(_ method: HTTPMethod, _ path: String, _ json: [String: Any]? = nil) async throws {
                responses.append(
                    ("\(method) \(path)", try await t.request(method, path, json: json, token: stranger.accessToken)))
            }
            try await call(.GET, "/api/v1/users/\(owner.id)")
            try await call(.GET, "/api/v1/users/\(owner.id)/statistics")
            try await call(.GET, "/api/v1/users/\(owner.id)/profile-picture")
            try await call(.POST, "/api/v1/users/favorites/\(owner.id)")
            try await call(.GET, "/api/v1/users/me/favorites")
            try await call(
                .POST, "/api/v1/users/reports",
                ["reportedUserId": owner.id, "category": "other", "description": "Checking what I can see"])
            try await call(.PUT, "/api/v1/users/me/addresses/\(addressId)", ["label": "mine now"])
            try await call(.DELETE, "/api/v1/users/me/addresses/\(addressId)")
            try await call(.POST, "/api/v1/users/me/addresses/\(addressId)/default")
            try await call(.GET, "/api/v1/users/verification/\(documentId)/images/front")
            try await call(.POST, "/api/v1/users/verification/\(documentId)/approve")
            try await call(.GET, "/api/v1/users/verification/pending")
            try await call(.GET, "/api/v1/users?q=owner")
            try await call(.GET, "/api/v1/users/nearby-addresses?lat=48.8566&lng=2.3522&radiusKm=50")
            try await call(.GET, "/api/v1/users/reports")
            for path in [
                "me", "me/addresses", "me/preferences", "me/activity", "me/statistics", "me/verification/status",
                "me/blocked-users",
            ] {
                try await call(.GET, "/api/v1/users/\(path)")
            }
            try await call(.POST, "/api/v1/users/block/\(owner.id)")
            try await call(.GET, "/api/v1/users/me/blocked-users")

            // assert
            for (route, response) in responses {
                let text = String(decoding: response.body, as: UTF8.self)
                for value in secrets + privateValues {
                    #expect(!text.contains(value), "\(route) shows \(value.prefix(16))… to another user")
                }
            }
            let picturedBytes = try #require(responses.first { $0.0.hasSuffix("/profile-picture") }?.1)
            #expect(picturedBytes.status == .ok)
            #expect(responses.first { $0.0.contains("/addresses/") }?.1.status == .notFound)
            // The owner's data is untouched by the stranger's attempts.
            let addresses = try await t.request(.GET, "/api/v1/users/me/addresses", token: owner.accessToken)
            #expect(addresses.list.first?["street"] as? String == "7 Secret Lane")
            #expect(addresses.list.first?["label"] == nil)
        }
    }

    @Test("the owner's own responses carry no hashes, codes or storage keys")
    func ownerSeesNoSecrets() async throws {
        try await withTestApp { t in
            let owner = try await t.signUp("owner@example.com")
            try await t.verifyPhone(owner)
            _ = try await t.submitPassport(owner)
            var picture = Multipart()
            picture.file("file", SampleFile.png)
            try await t.upload("/api/v1/users/me/profile-picture", picture, token: owner.accessToken)
            let code = try #require(try await t.latestSMSCode())
            for path in ["me", "me/verification/status", "me/activity?limit=100", "me/preferences", "me/statistics"] {
                let response = try await t.request(.GET, "/api/v1/users/\(path)", token: owner.accessToken)
                #expect(response.status == .ok)
                for field in [
                    "passwordHash", "password_hash", "codeHash", "code_hash", "profile_picture_key", "front_image_url",
                    "identity-documents/", "profile-pictures/",
                ] {
                    #expect(!response.text.contains(field), "\(path) exposes \(field)")
                }
                #expect(!response.text.contains("\"\(code)\""), "\(path) shows the SMS code")
            }
            let export = try await t.request(.GET, "/api/v1/auth/account/export", token: owner.accessToken)
            #expect(!export.text.contains("code_hash") && !export.text.contains("identity-documents/"))
        }
    }
}
