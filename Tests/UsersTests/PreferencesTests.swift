import Foundation
import TestSupport
import Testing

@Suite("Users: preferences")
struct PreferencesTests {
    @Test("every user starts with the four default settings objects")
    func defaults() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let response = try await t.request(.GET, "/api/v1/users/me/preferences", token: ann.accessToken)
            #expect(response.status == .ok)
            #expect(response["data.notification.email"] as? Bool == true)
            #expect(response["data.notification.marketing"] as? Bool == false)
            #expect(response.string("data.notification.quietHoursStart") == "22:00")
            #expect(response["data.privacy.showBio"] as? Bool == true)
            #expect(response.string("data.location.accuracy") == "high")
            #expect(response["data.location.historyRetentionDays"] as? Int == 30)
            #expect(response.string("data.payment.payoutSchedule") == "weekly")
            #expect(response.data["payment"].flatMap { ($0 as? [String: Any])?["defaultPaymentMethod"] } is NSNull)
            let anonymous = try await t.request(.GET, "/api/v1/users/me/preferences")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("PUT /users/me/notifications merges known settings; unknown keys and wrong types are 422")
    func notifications() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let updated = try await t.request(
                .PUT, "/api/v1/users/me/notifications",
                json: [
                    "sms": true, "marketing": true, "quietHoursEnabled": true, "quietHoursStart": "23:30",
                ], token: ann.accessToken)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(updated["data.notification.sms"] as? Bool == true)
            #expect(updated["data.notification.email"] as? Bool == true)
            #expect(updated.string("data.notification.quietHoursStart") == "23:30")
            let invalid = try await t.request(
                .PUT, "/api/v1/users/me/notifications",
                json: [
                    "sms": "yes", "quietHoursEnd": "25:00", "carrierPigeon": true,
                ], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                Set(invalid.errors) == [
                    "sms must be a boolean", "quietHoursEnd must be a time of day in HH:mm format",
                    "carrierPigeon is not a notification setting",
                ])
            let empty = try await t.request(.PUT, "/api/v1/users/me/notifications", json: [:], token: ann.accessToken)
            #expect(empty.status == .unprocessableEntity)
            let stored = try await t.request(
                .GET, "/api/v1/users/me/preferences/notification/sms", token: ann.accessToken)
            #expect(stored["data.value"] as? Bool == true)
            let anonymous = try await t.request(.PUT, "/api/v1/users/me/notifications", json: ["sms": true])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("one setting can be read and changed; unknown categories and settings are 404, bad values 422")
    func oneSetting() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let read = try await t.request(
                .GET, "/api/v1/users/me/preferences/location/accuracy", token: ann.accessToken)
            #expect(read.status == .ok)
            #expect(read.string("data.category") == "location")
            #expect(read.string("data.setting") == "accuracy")
            #expect(read.string("data.value") == "high")
            let changed = try await t.request(
                .PUT, "/api/v1/users/me/preferences/location/historyRetentionDays", json: ["value": 90],
                token: ann.accessToken)
            #expect(changed.status == .ok)
            #expect(changed["data.value"] as? Int == 90)
            let payment = try await t.request(
                .PUT, "/api/v1/users/me/preferences/payment/defaultPaymentMethod", json: ["value": "pm_card_visa"],
                token: ann.accessToken)
            #expect(payment.string("data.value") == "pm_card_visa")
            let cleared = try await t.request(
                .PUT, "/api/v1/users/me/preferences/payment/defaultPaymentMethod", json: ["value": NSNull()],
                token: ann.accessToken)
            #expect(cleared.status == .ok)
            let outOfRange = try await t.request(
                .PUT, "/api/v1/users/me/preferences/location/historyRetentionDays", json: ["value": 1000],
                token: ann.accessToken)
            #expect(outOfRange.status == .unprocessableEntity)
            #expect(outOfRange.errors == ["historyRetentionDays must be a whole number from 1 to 365"])
            let badChoice = try await t.request(
                .PUT, "/api/v1/users/me/preferences/payment/payoutSchedule", json: ["value": "hourly"],
                token: ann.accessToken)
            #expect(badChoice.errors == ["payoutSchedule must be one of daily, weekly, monthly"])
            let unknownCategory = try await t.request(
                .GET, "/api/v1/users/me/preferences/astrology/sign", token: ann.accessToken)
            #expect(unknownCategory.status == .notFound)
            #expect(unknownCategory.code == "PREFERENCE_NOT_FOUND")
            let unknownSetting = try await t.request(
                .PUT, "/api/v1/users/me/preferences/privacy/showShoeSize", json: ["value": true], token: ann.accessToken
            )
            #expect(unknownSetting.status == .notFound)
            let missingValue = try await t.request(
                .PUT, "/api/v1/users/me/preferences/privacy/showBio", json: [:], token: ann.accessToken)
            #expect(missingValue.status == .badRequest)
            let anonymous = try await t.request(.GET, "/api/v1/users/me/preferences/location/accuracy")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("reset puts one category or all of them back to their defaults")
    func reset() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            try await t.request(.PUT, "/api/v1/users/me/notifications", json: ["sms": true], token: ann.accessToken)
            try await t.request(
                .PUT, "/api/v1/users/me/preferences/privacy/showBio", json: ["value": false], token: ann.accessToken)
            let one = try await t.request(
                .POST, "/api/v1/users/me/preferences/reset", json: ["category": "privacy"], token: ann.accessToken)
            #expect(one.status == .ok)
            #expect(one["data.privacy.showBio"] as? Bool == true)
            #expect(one["data.notification.sms"] as? Bool == true)
            let all = try await t.request(.POST, "/api/v1/users/me/preferences/reset", token: ann.accessToken)
            #expect(all.status == .ok)
            #expect(all["data.notification.sms"] as? Bool == false)
            let invalid = try await t.request(
                .POST, "/api/v1/users/me/preferences/reset", json: ["category": "everything"], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            let anonymous = try await t.request(.POST, "/api/v1/users/me/preferences/reset")
            #expect(anonymous.status == .unauthorized)
            let activity = try await t.request(
                .GET, "/api/v1/users/me/activity?category=profile", token: ann.accessToken)
            #expect(activity.list.first?["action"] as? String == "preferences_reset")
        }
    }
}
