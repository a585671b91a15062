import Foundation
import TestSupport
import Testing

extension TestApp {
    /// A template body: `t.tripBody()` without its times, plus `extra` fields (name, category, isPublic …).
    func templateBody(
        name: String = "Eurostar weekday", tripOverrides: [String: Any] = [:], extra: [String: Any] = [:]
    ) -> [String: Any] {
        var tripData = tripBody(overrides: tripOverrides)
        tripData["departureTime"] = nil
        tripData["arrivalTime"] = nil
        var body: [String: Any] = ["name": name, "tripData": tripData]
        for (key, value) in extra { body[key] = value }
        return body
    }

    /// Saves a template for `owner` and returns its id.
    func createTemplate(for owner: TestAccount, _ body: [String: Any]) async throws -> String {
        let response = try await request(.POST, "/api/v1/trips/templates", json: body, token: owner.accessToken)
        #expect(response.status == .created, "create template: \(response.text)")
        return try #require(response.string("data.id"))
    }

    /// The times of a trip departing in `hours` and lasting `duration` hours.
    func schedule(inHours hours: Double, duration: Double = 3) -> [String: Any] {
        ["departureTime": isoTime(inHours: hours), "arrivalTime": isoTime(inHours: hours + duration)]
    }
}
