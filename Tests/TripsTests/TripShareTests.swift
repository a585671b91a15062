import Foundation
import TestSupport
import Testing

@Suite("Trips: share links")
struct TripShareTests {
    @Test("the traveler shares a trip; anyone with the link sees it without signing in until it expires")
    func share() async throws {
        try await withTestApp(configuring: { $0.publicURL = "https://p2p.example.com" }) { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(
                for: tina, t.tripBody(overrides: ["visibility": "private", "autoAccept": true, "autoAcceptPrice": 900]))
            // act
            let shared = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/share", json: ["expiresInHours": 2], token: tina.accessToken)
            // assert
            #expect(shared.status == .ok, "\(shared.text)")
            let token = try #require(shared.string("data.token"))
            #expect(shared.string("data.shareUrl") == "https://p2p.example.com/api/v1/trips/shared/\(token)")
            #expect(shared.string("data.expiresAt") == t.isoTime(inHours: 2))
            let opened = try await t.request(.GET, "/api/v1/trips/shared/\(token)")
            #expect(opened.status == .ok, "\(opened.text)")
            #expect(opened.string("data.trip.id") == tripId)
            #expect(opened.string("data.trip.visibility") == "private")
            #expect(opened["data.trip.autoAcceptPrice"] == nil)
            #expect(opened.string("data.sharedUntil") == t.isoTime(inHours: 2))
            t.clock.advance(by: 2 * 3600)
            let expired = try await t.request(.GET, "/api/v1/trips/shared/\(token)")
            #expect(expired.status == .notFound)
            #expect(expired.code == "SHARE_LINK_INVALID")
        }
    }

    @Test("a tampered or made-up token opens nothing")
    func tampered() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            let shared = try await t.request(.POST, "/api/v1/trips/\(tripId)/share", token: tina.accessToken)
            let token = try #require(shared.string("data.token"))
            #expect(shared.string("data.expiresAt") == t.isoTime(inHours: 7 * 24))
            #expect(shared.string("data.shareUrl")?.hasSuffix("/api/v1/trips/shared/\(token)") == true)
            let parts = token.split(separator: ".").map(String.init)
            let otherTrip = try await t.createTrip(for: tina)
            let otherToken = try #require(
                try await t.request(.POST, "/api/v1/trips/\(otherTrip)/share", token: tina.accessToken).string(
                    "data.token"))
            let flipped = String(parts[1].dropLast()) + (parts[1].hasSuffix("0") ? "1" : "0")
            for forged in [
                "\(parts[0]).\(flipped)",  // signature changed
                "\(otherToken.split(separator: ".")[0]).\(parts[1])",  // another trip's payload under this signature
                "\(parts[0])", "not-a-token", "\(parts[0]).\(parts[1]).extra",
            ] {
                let response = try await t.request(.GET, "/api/v1/trips/shared/\(forged)")
                #expect(response.status == .notFound, "\(forged)")
                #expect(response.code == "SHARE_LINK_INVALID")
            }
        }
    }

    @Test("only the trip's traveler shares it, for 1 to 720 hours")
    func refusals() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            let notYours = try await t.request(.POST, "/api/v1/trips/\(tripId)/share", token: tom.accessToken)
            #expect(notYours.status == .forbidden)
            #expect(notYours.code == "NOT_TRIP_OWNER")
            for hours in [0, 721] {
                let response = try await t.request(
                    .POST, "/api/v1/trips/\(tripId)/share", json: ["expiresInHours": hours], token: tina.accessToken)
                #expect(response.status == .unprocessableEntity)
                #expect(response.errors == ["expiresInHours must be between 1 and 720"])
            }
            let anonymous = try await t.request(.POST, "/api/v1/trips/\(tripId)/share")
            #expect(anonymous.status == .unauthorized)
        }
    }
}

@Suite("Trips: export")
struct TripExportTests {
    @Test("the traveler exports the trip, every reservation and its history as JSON")
    func json() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            t.clock.advance(by: 60)
            _ = try await t.request(
                .PUT, "/api/v1/trips/\(tripId)", json: ["title": "Renamed trip"], token: tina.accessToken)
            for weight in [2, 3] {
                t.clock.advance(by: 60)
                _ = try await t.request(
                    .POST, "/api/v1/trips/\(tripId)/capacity/reserve",
                    json: ["weight": weight, "note": "box \(weight)"],
                    token: tina.accessToken)
            }
            let capacity = try await t.request(.GET, "/api/v1/trips/\(tripId)/capacity", token: tina.accessToken)
            let held = try #require(capacity["data.reservations"] as? [[String: Any]])
            let first = try #require(held.first { $0["note"] as? String == "box 2" }?["id"] as? String)
            _ = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/capacity/release", json: ["reservationId": first],
                token: tina.accessToken)
            // act
            let export = try await t.request(.GET, "/api/v1/trips/\(tripId)/export", token: tina.accessToken)
            // assert
            #expect(export.status == .ok, "\(export.text)")
            #expect(export.string("data.trip.title") == "Renamed trip")
            let reservations = try #require(export["data.reservations"] as? [[String: Any]])
            #expect(reservations.map { $0["status"] as? String } == ["released", "held"])
            #expect(reservations.map { $0["note"] as? String } == ["box 2", "box 3"])
            let history = try #require(export["data.history"] as? [[String: Any]])
            #expect(history.map { $0["event"] as? String } == ["trip_created", "trip_updated"])
            #expect(((history.last?["details"] as? [String: Any])?["changes"] as? [String]) == ["details"])
            #expect(export.string("data.exportedAt") == t.isoTime(inHours: 0))
        }
    }

    @Test("?format=csv downloads one RFC 4180 table, with formulas defused")
    func csv() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(
                for: tina, t.tripBody(overrides: ["title": "=SUM(A1), \"quoted\" trip"]))
            _ = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/capacity/reserve", json: ["weight": 2.5, "items": 2],
                token: tina.accessToken)
            let response = try await t.request(
                .GET, "/api/v1/trips/\(tripId)/export?format=csv", token: tina.accessToken)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(
                response.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"trip-\(tripId.lowercased()).csv\"")
            let lines = response.text.components(separatedBy: "\r\n")
            #expect(lines.count == 5)  // header, trip, reservation, event, and the empty rest after the last CRLF
            #expect(lines[0] == "record_type,record_id,time,status,weight_kg,volume_l,items,details")
            #expect(
                lines[1] == "trip,\(tripId),\(t.isoTime(inHours: 48)),upcoming,10,40,5,"
                    + "\"'=SUM(A1), \"\"quoted\"\" trip: London, United Kingdom → Paris, France\"")
            #expect(lines[2].hasPrefix("reservation,") && lines[2].contains(",held,2.5,0,2,"))
            #expect(lines[3].hasPrefix("event,") && lines[3].contains(",trip_created,"))
            #expect(lines[4].isEmpty)
        }
    }

    @Test("exports are for the trip's traveler and admins; the format must be json or csv")
    func refusals() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            let publicTrip = try await t.createTrip(for: tina)
            let privateTrip = try await t.createTrip(for: tina, t.tripBody(overrides: ["visibility": "private"]))
            let forbidden = try await t.request(.GET, "/api/v1/trips/\(publicTrip)/export", token: tom.accessToken)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.code == "NOT_TRIP_OWNER")
            let hidden = try await t.request(.GET, "/api/v1/trips/\(privateTrip)/export", token: tom.accessToken)
            #expect(hidden.status == .notFound)
            #expect(hidden.code == "TRIP_NOT_FOUND")
            let xml = try await t.request(
                .GET, "/api/v1/trips/\(publicTrip)/export?format=xml", token: tina.accessToken)
            #expect(xml.status == .unprocessableEntity)
            #expect(xml.errors == ["format must be json or csv"])
            let admin = try await t.superAdmin()
            let asAdmin = try await t.request(.GET, "/api/v1/trips/\(privateTrip)/export", token: admin.accessToken)
            #expect(asAdmin.status == .ok)
        }
    }
}
