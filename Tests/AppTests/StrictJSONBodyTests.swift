import Foundation
import Platform
import TestSupport
import Testing

@Suite("HTTP edge: strict JSON bodies")
struct StrictJSONBodyTests {
    private func raw(_ text: String) -> Data { Data(text.utf8) }

    @Test("a control character in a profile field is a 422 naming the field, and nothing is stored")
    func controlCharacterInProfile() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp()
            let refused = try await t.request(
                .PUT, "/api/v1/users/profile", body: raw(#"{"firstName":"\u0000abc"}"#),
                contentType: "application/json", token: ann.accessToken)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.code == "VALIDATION_ERROR")
            #expect(refused.errors == ["firstName must not contain control characters"])
            let me = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(me.string("data.firstName") == "Test")
        }
    }

    @Test("trailing commas, duplicate keys and a byte-order mark are 400 INVALID_REQUEST_BODY")
    func malformedProfileBodies() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp()
            for body in [
                #"{"firstName":"Ann",}"#, #"{"firstName":"Ann","firstName":"Bob"}"#, "\u{FEFF}{\"firstName\":\"Ann\"}",
            ] {
                let response = try await t.request(
                    .PUT, "/api/v1/users/profile", body: raw(body), contentType: "application/json; charset=utf-8",
                    token: ann.accessToken)
                #expect(response.status == .badRequest, "\(body): \(response.text)")
                #expect(response.code == "INVALID_REQUEST_BODY")
                #expect(response.errors.count == 1)
            }
            let me = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(me.string("data.firstName") == "Test")
        }
    }

    @Test("registration refuses the same way")
    func registration() async throws {
        try await withTestApp { t in
            var body = t.registrationBody(email: "ctl@example.com")
            body["lastName"] = "Lee\u{7F}"
            let control = try await t.request(.POST, "/api/v1/auth/register", json: body)
            #expect(control.status == .unprocessableEntity)
            #expect(control.errors == ["lastName must not contain control characters"])

            let text = String(
                decoding: try JSONSerialization.data(withJSONObject: t.registrationBody(email: "d@example.com")),
                as: UTF8.self)
            let duplicated = "{\"email\":\"e@example.com\"," + text.dropFirst()
            let response = try await t.request(
                .POST, "/api/v1/auth/register", body: raw(duplicated), contentType: "application/json")
            #expect(response.status == .badRequest)
            #expect(response.errors == [#"body has the key "email" twice"#])
            let ok = try await t.request(
                .POST, "/api/v1/auth/register", json: t.registrationBody(email: "ok@example.com"))
            #expect(ok.status == .created, "\(ok.text)")
        }
    }

    @Test("a timestamp on a day that does not exist is a 422, not the 2nd of March")
    func impossibleDate() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let body = t.tripBody(overrides: [
                "departureTime": "2027-02-30T10:00:00Z", "arrivalTime": "2027-03-03T10:00:00Z",
            ])
            let response = try await t.request(.POST, "/api/v1/trips", json: body, token: tina.accessToken)
            #expect(response.status == .unprocessableEntity, "\(response.text)")
            #expect(response.errors.contains { $0.hasPrefix("departureTime must be an ISO-8601 timestamp") })
        }
    }

    @Test("ISOTimestamp and the JSON date strategy refuse impossible days and times")
    func timestamps() throws {
        #expect(ISOTimestamp.parse("2027-02-30T10:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2027-02-29T10:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2028-02-29T10:00:00Z") != nil)
        #expect(ISOTimestamp.parse("2100-02-29T10:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2027-04-31T10:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2027-13-01T10:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2027-01-01T24:00:00Z") == nil)
        #expect(ISOTimestamp.parse("2027-01-01T10:60:00Z") == nil)
        #expect(ISOTimestamp.parse("2026-11-20T10:00:00Z") == Date(timeIntervalSince1970: 1_795_168_800))
        #expect(ISOTimestamp.parse("2026-11-20T11:00:00.250+01:00") == Date(timeIntervalSince1970: 1_795_168_800.25))

        struct Stamp: Decodable { var at: Date }
        let decoder = StrictJSONDecoder()
        let good = try decoder.decode(Stamp.self, from: .init(string: #"{"at":"2026-11-20T10:00:00Z"}"#), headers: [:])
        #expect(good.at == Date(timeIntervalSince1970: 1_795_168_800))
        #expect(throws: DecodingError.self) {
            try decoder.decode(Stamp.self, from: .init(string: #"{"at":"2027-02-30T10:00:00Z"}"#), headers: [:])
        }
    }
}
