import Foundation
import TestSupport
import Testing
import Vapor

extension TestApp {
    /// Number of SMS files written so far.
    var smsCount: Int {
        let directory = dataDirectory.appendingPathComponent("sms")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).count
    }

    /// Every stored file under the file store's root, relative paths.
    var storedFiles: [String] {
        let root = dataDirectory.appendingPathComponent("files")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Verifies `account`'s phone through the API and returns the number.
    @discardableResult
    func verifyPhone(_ account: TestAccount, number: String = "+33612345678") async throws -> String {
        let start = try await request(
            .POST, "/api/v1/users/me/verify-phone", json: ["phoneNumber": number], token: account.accessToken)
        #expect(start.status == .ok, "verify-phone: \(start.text)")
        let code = try #require(try await latestSMSCode())
        let confirm = try await request(
            .POST, "/api/v1/users/me/verify-phone/confirm", json: ["code": code], token: account.accessToken)
        #expect(confirm.status == .ok, "confirm: \(confirm.text)")
        return number
    }

    /// Submits a passport with a selfie; returns the verification id.
    func submitPassport(
        _ account: TestAccount, path: String = "/api/v1/users/me/verify-identity"
    ) async throws -> String {
        var form = Multipart()
        form.field("documentType", "passport")
        form.file("front", SampleFile.jpeg, filename: "front.jpg", contentType: "image/jpeg")
        form.file("selfie", SampleFile.png, filename: "selfie.png", contentType: "image/png")
        let response = try await upload(path, form, token: account.accessToken)
        #expect(response.status == .created, "submit: \(response.text)")
        return try #require(response.string("data.id"))
    }

    /// Adds an address at explicit coordinates; returns its id.
    func addAddress(
        _ account: TestAccount, city: String = "Paris", country: String = "FR", lat: Double = 48.8566,
        lng: Double = 2.3522,
        extra: [String: Any] = [:]
    ) async throws -> String {
        var body: [String: Any] = [
            "type": "home", "street": "1 Rue de Rivoli", "city": city, "country": country,
            "coordinates": ["lat": lat, "lng": lng],
        ]
        body.merge(extra) { $1 }
        let response = try await request(.POST, "/api/v1/users/me/addresses", json: body, token: account.accessToken)
        #expect(response.status == .created, "address: \(response.text)")
        return try #require(response.string("data.id"))
    }
}
