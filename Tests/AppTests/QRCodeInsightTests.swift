import Foundation
import TestSupport
import Testing

/// Reissuing codes, checks that use nothing, a member's history and admins' figures.
@Suite("QR code reissue, checks and analytics")
struct QRCodeInsightTests {
    @Test("generate reissues a code: the old one is revoked, the new one proves the handoff")
    func generate() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let old = try await t.handoffCode("pickup", of: booking)
            let byTraveler = try await t.request(
                .POST, "/api/v1/qr-codes/pickup/generate", json: ["deliveryId": booking.deliveryId],
                token: booking.traveler.accessToken)
            #expect(byTraveler.status == .notFound)
            let issued = try await t.request(
                .POST, "/api/v1/qr-codes/generate", json: ["deliveryId": booking.deliveryId, "type": "pickup"],
                token: booking.customer.accessToken)
            #expect(issued.status == .ok, "\(issued.text)")
            #expect(issued.string("data.id") != old.id)
            let stale = try await t.request(
                .POST, "/api/v1/qr-codes/pickup/validate", json: ["qrData": old.qrData],
                token: booking.traveler.accessToken)
            #expect(stale.code == "QR_CODE_REVOKED")
            try await t.scan("pickup", of: booking)
            let history = try await t.request(.GET, "/api/v1/qr-codes/history", token: booking.traveler.accessToken)
            #expect(history.list.count == 3)
            #expect(history.list.allSatisfy { $0["qrData"] == nil }, "the traveler never sees a payload")
        }
    }

    @Test("the scanner test and the integrity check tell foreign, tampered and live codes apart, using nothing")
    func inspect() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let code = try await t.handoffCode("pickup", of: booking)
            func inspect(_ text: String, _ path: String = "test-scanner") async throws -> APIResponse {
                try await t.request(
                    .POST, "/api/v1/qr-codes/\(path)", json: ["qrData": text], token: booking.traveler.accessToken)
            }
            #expect(try await inspect("https://example.com").string("data.verdict") == "foreign")
            #expect(try await inspect(String(code.qrData.dropLast(2)) + "xx").string("data.verdict") == "tampered")
            let live = try await inspect(code.qrData, "validation/verify-integrity")
            #expect(live["data.authentic"] as? Bool == true)
            #expect(live.string("data.verdict") == "active")
            #expect(live.string("data.type") == "pickup")
            let stranger = try await t.signUp()
            let other = try await t.request(
                .POST, "/api/v1/qr-codes/test-scanner", json: ["qrData": code.qrData], token: stranger.accessToken)
            #expect(other.string("data.verdict") == "not_yours")
            let status = try await t.request(
                .GET, "/api/v1/qr-codes/validation/validation-status?deliveryId=\(booking.deliveryId)",
                token: booking.customer.accessToken)
            #expect(status.list.count == 2)
            #expect(status.list.allSatisfy { $0["status"] as? String == "active" }, "nothing was used")
        }
    }

    @Test("analytics and performance count the codes and scans; bulk-generate reissues what is not used")
    func analytics() async throws {
        try await withTestApp { t in
            let admin = try await t.superAdmin()
            let first = try await t.bookDelivery()
            let second = try await t.bookDelivery()
            try await t.scan("pickup", of: first)
            _ = try await t.request(
                .POST, "/api/v1/qr-codes/pickup/validate", json: ["qrData": "garbage"],
                token: first.traveler.accessToken)
            let stats = try await t.request(.GET, "/api/v1/qr-codes/analytics", token: admin.accessToken)
            #expect(stats["data.codes"] as? Int == 4)
            #expect(stats["data.scans"] as? Int == 2)
            #expect(stats["data.successRate"] as? Double == 0.5)
            let performance = try await t.request(
                .GET, "/api/v1/qr-codes/performance-metrics", token: admin.accessToken)
            #expect(performance["data.scansPerUsedCode"] as? Double == 1)
            let member = try await t.request(.GET, "/api/v1/qr-codes/analytics", token: first.customer.accessToken)
            #expect(member.status == .forbidden)
            let bulk = try await t.request(
                .POST, "/api/v1/qr-codes/bulk-generate",
                json: ["deliveryIds": [first.deliveryId, second.deliveryId]], token: admin.accessToken)
            #expect(bulk.status == .ok, "\(bulk.text)")
            #expect(bulk.list.count == 3, "the used pickup code of the first delivery is not reissued")
        }
    }
}
