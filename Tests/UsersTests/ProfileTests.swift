import Foundation
import TestSupport
import Testing

@Suite("Users: profile")
struct ProfileTests {
    @Test("GET /users/me returns the private profile without secrets; 401 without a token")
    func readOwnProfile() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            // act
            let me = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            let anonymous = try await t.request(.GET, "/api/v1/users/me")
            // assert
            #expect(me.status == .ok)
            #expect(me.string("data.email") == "ann@example.com")
            #expect(me.string("data.verificationLevel") == "email_verified")
            #expect(me["data.phoneVerified"] as? Bool == false)
            #expect(me["data.languages"] as? [String] == [])
            #expect(!me.text.contains("passwordHash") && !me.text.contains("password_hash"))
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.code == "UNAUTHORIZED")
        }
    }

    @Test("PUT /users/me changes names, phone, birth date, bio, languages and settings")
    func update() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let body: [String: Any] = [
                "firstName": " Ann ", "lastName": "Dupont", "phoneNumber": "+33612345678", "dateOfBirth": "1990-05-17",
                "bio": "Frequent flyer between Paris and Lisbon.", "languages": ["fr", "en", "pt-BR", "en"],
                "timezone": "Europe/Paris", "preferredCurrency": "EUR", "preferredLanguage": "fr",
            ]
            let updated = try await t.request(.PUT, "/api/v1/users/me", json: body, token: ann.accessToken)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(updated.string("data.firstName") == "Ann")
            #expect(updated.string("data.lastName") == "Dupont")
            #expect(updated.string("data.phoneNumber") == "+33612345678")
            #expect(updated.string("data.dateOfBirth") == "1990-05-17")
            #expect(updated.string("data.bio") == "Frequent flyer between Paris and Lisbon.")
            #expect(updated["data.languages"] as? [String] == ["fr", "en", "pt-BR"])
            #expect(updated.string("data.timezone") == "Europe/Paris")
            let again = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(again.string("data.bio") == "Frequent flyer between Paris and Lisbon.")
            let cleared = try await t.request(
                .PUT, "/api/v1/users/me", json: ["bio": "", "phoneNumber": ""], token: ann.accessToken)
            #expect(cleared.status == .ok)
            #expect(cleared["data.bio"] == nil)
            #expect(cleared["data.phoneNumber"] == nil)
        }
    }

    @Test("invalid profile fields get one 422 entry per broken rule")
    func validation() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let body: [String: Any] = [
                "firstName": "", "phoneNumber": "0612", "dateOfBirth": "2020-01-01",
                "bio": String(repeating: "x", count: 501),
                "languages": ["english!"], "timezone": "Mars/Olympus", "preferredCurrency": "euro", "userType": "admin",
            ]
            let response = try await t.request(.PUT, "/api/v1/users/me", json: body, token: ann.accessToken)
            #expect(response.status == .unprocessableEntity)
            #expect(response.code == "VALIDATION_ERROR")
            #expect(
                Set(response.errors) == [
                    "firstName must be 1 to 100 characters", "phoneNumber must be in E.164 format, e.g. +33612345678",
                    "you must be at least 18 years old", "bio must be at most 500 characters",
                    "languages must be language tags such as en or pt-BR",
                    "timezone must be an IANA time zone such as Europe/Paris",
                    "preferredCurrency must be an ISO-4217 code such as EUR",
                    "userType can only be changed from customer or traveler to both",
                ])
            let bad = try await t.request(
                .PUT, "/api/v1/users/me", json: ["dateOfBirth": "1990-02-30"], token: ann.accessToken)
            #expect(bad.errors == ["dateOfBirth must be a date in YYYY-MM-DD format"])
            let wrongType = try await t.request(
                .PUT, "/api/v1/users/me", json: ["languages": "fr"], token: ann.accessToken)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.code == "INVALID_REQUEST_BODY")
        }
    }

    @Test("a customer can widen to both, never narrow or become an admin")
    func userType() async throws {
        try await withTestApp { t in
            let carla = try await t.signUp("carla@example.com", userType: "customer")
            let widened = try await t.request(
                .PUT, "/api/v1/users/me", json: ["userType": "both"], token: carla.accessToken)
            #expect(widened.status == .ok)
            #expect(widened.string("data.userType") == "both")
            let narrowed = try await t.request(
                .PUT, "/api/v1/users/me", json: ["userType": "traveler"], token: carla.accessToken)
            #expect(narrowed.status == .unprocessableEntity)
            let admin = try await t.request(
                .PUT, "/api/v1/users/me", json: ["userType": "super_admin"], token: carla.accessToken)
            #expect(admin.status == .unprocessableEntity)
        }
    }

    @Test("seed routes POST and PUT /users/profile share the update rules")
    func seedRoutes() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let created = try await t.request(
                .POST, "/api/v1/users/profile", json: ["bio": "Hello", "languages": ["en"]], token: ann.accessToken)
            #expect(created.status == .ok)
            #expect(created.string("data.bio") == "Hello")
            let updated = try await t.request(
                .PUT, "/api/v1/users/profile", json: ["lastName": "Martin"], token: ann.accessToken)
            #expect(updated.status == .ok)
            #expect(updated.string("data.lastName") == "Martin")
            #expect(updated.string("data.bio") == "Hello")
            let invalid = try await t.request(
                .POST, "/api/v1/users/profile", json: ["firstName": ""], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            let anonymous = try await t.request(.PUT, "/api/v1/users/profile", json: ["bio": "x"])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("GET /users/{id} shows the public profile only; unknown or malformed ids are 404")
    func publicProfile() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            try await t.request(
                .PUT, "/api/v1/users/me",
                json: [
                    "lastName": "dupont", "bio": "Hi", "languages": ["fr"], "phoneNumber": "+33612345678",
                    "dateOfBirth": "1990-01-01",
                ], token: ann.accessToken)
            let response = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(response.status == .ok)
            #expect(response.string("data.firstName") == "Test")
            #expect(response.string("data.lastInitial") == "D.")
            #expect(response.string("data.displayName") == "Test D.")
            #expect(response.string("data.bio") == "Hi")
            #expect(response["data.rating.count"] as? Int == 0)
            #expect(response.string("data.memberSince") != nil)
            for field in ["email", "phoneNumber", "dateOfBirth", "lastName", "referralCode", "addresses"] {
                #expect(response.data[field] == nil, "leaked \(field)")
            }
            #expect(!response.text.contains("dupont") && !response.text.contains("ann@example.com"))
            let unknown = try await t.request(.GET, "/api/v1/users/\(UUID())", token: bob.accessToken)
            #expect(unknown.status == .notFound)
            #expect(unknown.code == "USER_NOT_FOUND")
            let malformed = try await t.request(.GET, "/api/v1/users/not-a-uuid", token: bob.accessToken)
            #expect(malformed.status == .notFound)
            let anonymous = try await t.request(.GET, "/api/v1/users/\(ann.id)")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("privacy settings hide bio, languages and statistics from others")
    func privacySettings() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            try await t.request(
                .PUT, "/api/v1/users/me", json: ["bio": "secret bio", "languages": ["fr"]], token: ann.accessToken)
            for setting in ["showBio", "showLanguages", "showStatistics"] {
                let set = try await t.request(
                    .PUT, "/api/v1/users/me/preferences/privacy/\(setting)", json: ["value": false],
                    token: ann.accessToken)
                #expect(set.status == .ok)
            }
            let response = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(response.data["bio"] == nil)
            #expect(response.data["languages"] == nil)
            #expect(response.data["rating"] == nil)
            let statistics = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics", token: bob.accessToken)
            #expect(statistics.status == .forbidden)
            #expect(statistics.code == "STATISTICS_PRIVATE")
            let own = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics", token: ann.accessToken)
            #expect(own.status == .ok)
        }
    }

    @Test("a block in either direction hides the profile (404)")
    func blockedProfiles() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let blocked = try await t.request(.POST, "/api/v1/users/block/\(bob.id)", token: ann.accessToken)
            #expect(blocked.status == .created)
            let bobLooks = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(bobLooks.status == .notFound)
            let annLooks = try await t.request(.GET, "/api/v1/users/\(bob.id)", token: ann.accessToken)
            #expect(annLooks.status == .notFound)
            let statistics = try await t.request(.GET, "/api/v1/users/\(ann.id)/statistics", token: bob.accessToken)
            #expect(statistics.status == .notFound)
        }
    }

    @Test("DELETE /users/me checks the password, erases the profile and ends the session")
    func deleteAccount() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            try await t.request(.PUT, "/api/v1/users/me", json: ["bio": "bye"], token: ann.accessToken)
            let wrong = try await t.request(
                .DELETE, "/api/v1/users/me", json: ["password": "nope"], token: ann.accessToken)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.code == "INVALID_CREDENTIALS")
            let garbled = try await t.request(
                .DELETE, "/api/v1/users/me", body: Data(#"{"password": "\#(ann.password)""#.utf8),
                contentType: "application/json", token: ann.accessToken)
            #expect(garbled.status == .badRequest, "an unreadable body is refused, not read as no password")
            #expect(garbled.code == "INVALID_REQUEST_BODY")
            #expect(try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken).status == .ok)
            let deleted = try await t.request(
                .DELETE, "/api/v1/users/me", json: ["password": ann.password, "reason": "moving"],
                token: ann.accessToken)
            #expect(deleted.status == .ok)
            #expect(deleted.json["message"] as? String == "Account deleted")
            let after = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(after.status == .unauthorized)
            let seen = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(seen.status == .notFound)
            let anonymous = try await t.request(.DELETE, "/api/v1/users/me")
            #expect(anonymous.status == .unauthorized)
        }
    }
}
