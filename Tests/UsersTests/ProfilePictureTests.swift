import Foundation
import TestSupport
import Testing

@Suite("Users: profile pictures")
struct ProfilePictureTests {
    @Test("PNG, JPEG and WebP are accepted by their bytes and served back with their type")
    func uploadAndServe() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            for (data, type) in [
                (SampleFile.png, "image/png"), (SampleFile.jpeg, "image/jpeg"), (SampleFile.webp, "image/webp"),
            ] {
                var form = Multipart()
                // The declared type is wrong on purpose: only the bytes count.
                form.file("file", data, filename: "me.bin", contentType: "application/octet-stream")
                // act
                let uploaded = try await t.upload("/api/v1/users/me/profile-picture", form, token: ann.accessToken)
                // assert
                #expect(uploaded.status == .ok, "\(uploaded.text)")
                let url = try #require(uploaded.string("data.profilePictureUrl"))
                #expect(url == "/api/v1/users/\(ann.id)/profile-picture")
                let served = try await t.request(.GET, url, token: bob.accessToken)
                #expect(served.status == .ok)
                #expect(served.headers.contentType?.serialize() == type)
                #expect(served.body == data)
            }
            try await t.runJobs()
            // Replaced pictures are deleted once the change committed: one file is left.
            #expect(t.storedFiles.count == 1)
            #expect(t.storedFiles.first?.hasPrefix("profile-pictures/\(ann.id.lowercased())/") == true)
            let profile = try await t.request(.GET, "/api/v1/users/\(ann.id)", token: bob.accessToken)
            #expect(profile.string("data.profilePictureUrl") == "/api/v1/users/\(ann.id)/profile-picture")
        }
    }

    @Test(
        "a file that only starts like an image is refused: the PNG signature alone, a PNG with a script after it",
        arguments: [("signature only", SampleFile.signatureOnly), ("script after IEND", SampleFile.pngWithScript)])
    func partialImages(name: String, bytes: Data) async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            var form = Multipart()
            form.file("file", bytes, filename: "a.png", contentType: "image/png")
            let response = try await t.upload("/api/v1/users/me/profile-picture", form, token: ann.accessToken)
            #expect(response.status == .unprocessableEntity, "\(name): \(response.text)")
            #expect(response.code == "UNSUPPORTED_FILE_TYPE")
            #expect(t.storedFiles.isEmpty)
        }
    }

    @Test("GIF, text and files over 5 MB are refused; a missing field is a 400")
    func refused() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            var gif = Multipart()
            gif.file("file", SampleFile.gif, filename: "a.gif", contentType: "image/gif")
            let gifResponse = try await t.upload("/api/v1/users/me/profile-picture", gif, token: ann.accessToken)
            #expect(gifResponse.status == .unprocessableEntity)
            #expect(gifResponse.code == "UNSUPPORTED_FILE_TYPE")
            #expect(gifResponse.errors == ["file must be one of: image/jpeg, image/png, image/webp"])
            var text = Multipart()
            text.file("file", SampleFile.text, filename: "a.png", contentType: "image/png")
            let textResponse = try await t.upload("/api/v1/users/me/profile-picture", text, token: ann.accessToken)
            #expect(textResponse.status == .unprocessableEntity)
            var big = Multipart()
            big.file("file", SampleFile.oversizedPNG, filename: "big.png", contentType: "image/png")
            let bigResponse = try await t.upload("/api/v1/users/me/profile-picture", big, token: ann.accessToken)
            #expect(bigResponse.status == .payloadTooLarge)
            #expect(bigResponse.code == "FILE_TOO_LARGE")
            #expect(bigResponse.errors == ["file must be at most 5 MB"])
            var huge = Multipart()
            huge.file("file", SampleFile.png + Data(repeating: 0, count: 17 * 1024 * 1024), filename: "huge.png")
            let hugeResponse = try await t.upload("/api/v1/users/me/profile-picture", huge, token: ann.accessToken)
            #expect(hugeResponse.status == .payloadTooLarge, "the route collects at most 16 MB")
            var empty = Multipart()
            empty.field("other", "x")
            let missing = try await t.upload("/api/v1/users/me/profile-picture", empty, token: ann.accessToken)
            #expect(missing.status == .badRequest)
            let anonymous = try await t.upload("/api/v1/users/me/profile-picture", gif, token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(t.storedFiles.isEmpty)
        }
    }

    @Test("a multipart body the parser cannot read is a 400 in the envelope, on every upload route")
    func unreadableMultipart() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let routes = [
                "/api/v1/users/me/profile-picture", "/api/v1/users/me/verify-identity",
                "/api/v1/users/verification/documents", "/api/v1/users/me/verification/resubmit",
            ]
            for route in routes {
                // A closing delimiter with no part before it, as a fuzzer sends it: the parser's syntax error.
                let response = try await t.request(
                    .POST, route, body: Data("--b0undary--\r\n".utf8),
                    contentType: "multipart/form-data; boundary=b0undary", token: ann.accessToken)
                #expect(response.status == .badRequest, "\(route): \(response.text)")
                #expect(response.code == "INVALID_REQUEST_BODY", "\(route)")
            }
            #expect(t.storedFiles.isEmpty)
        }
    }

    @Test("a part header name that is not ASCII is a 400, and the server goes on (MultipartKit would crash on it)")
    func nonASCIIPartHeader() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            for route in ["/api/v1/users/me/profile-picture", "/api/v1/users/verification/documents"] {
                let response = try await t.request(
                    .POST, route, body: Data("--b0undary\r\nÍ𤆵--b0undary--\r\n".utf8),
                    contentType: "multipart/form-data; boundary=b0undary", token: ann.accessToken)
                #expect(response.status == .badRequest, "\(route): \(response.text)")
                #expect(response.code == "INVALID_REQUEST_BODY", "\(route)")
            }
            var form = Multipart()
            form.file("file", SampleFile.png, filename: "portrait-é.png", contentType: "image/png")
            let named = try await t.upload("/api/v1/users/me/profile-picture", form, token: ann.accessToken)
            #expect(named.status == .ok, "a UTF-8 file name is a header value, not a name: \(named.text)")
        }
    }

    @Test("no picture, unknown users, hidden pictures and blocks answer 404")
    func notFound() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let none = try await t.request(.GET, "/api/v1/users/\(ann.id)/profile-picture", token: bob.accessToken)
            #expect(none.status == .notFound)
            #expect(none.code == "PROFILE_PICTURE_NOT_FOUND")
            let unknown = try await t.request(.GET, "/api/v1/users/\(UUID())/profile-picture", token: bob.accessToken)
            #expect(unknown.code == "USER_NOT_FOUND")
            var form = Multipart()
            form.file("file", SampleFile.png)
            try await t.upload("/api/v1/users/me/profile-picture", form, token: ann.accessToken)
            try await t.request(
                .PUT, "/api/v1/users/me/preferences/privacy/showProfilePicture", json: ["value": false],
                token: ann.accessToken)
            let hidden = try await t.request(.GET, "/api/v1/users/\(ann.id)/profile-picture", token: bob.accessToken)
            #expect(hidden.status == .notFound)
            let own = try await t.request(.GET, "/api/v1/users/\(ann.id)/profile-picture", token: ann.accessToken)
            #expect(own.status == .ok)
            try await t.request(
                .PUT, "/api/v1/users/me/preferences/privacy/showProfilePicture", json: ["value": true],
                token: ann.accessToken)
            try await t.request(.POST, "/api/v1/users/block/\(ann.id)", token: bob.accessToken)
            let blocked = try await t.request(.GET, "/api/v1/users/\(ann.id)/profile-picture", token: bob.accessToken)
            #expect(blocked.status == .notFound)
            #expect(blocked.code == "USER_NOT_FOUND")
            let anonymous = try await t.request(.GET, "/api/v1/users/\(ann.id)/profile-picture")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("DELETE /users/me/profile-picture removes it and its file; twice is a 404")
    func remove() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            var form = Multipart()
            form.file("file", SampleFile.png)
            try await t.upload("/api/v1/users/me/profile-picture", form, token: ann.accessToken)
            #expect(t.storedFiles.count == 1)
            let removed = try await t.request(.DELETE, "/api/v1/users/me/profile-picture", token: ann.accessToken)
            #expect(removed.status == .ok)
            try await t.runJobs()
            #expect(t.storedFiles.isEmpty)
            let me = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(me.data["profilePictureUrl"] == nil)
            let again = try await t.request(.DELETE, "/api/v1/users/me/profile-picture", token: ann.accessToken)
            #expect(again.status == .notFound)
            let anonymous = try await t.request(.DELETE, "/api/v1/users/me/profile-picture")
            #expect(anonymous.status == .unauthorized)
        }
    }
}
