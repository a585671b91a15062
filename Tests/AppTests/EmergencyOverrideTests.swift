import Fluent
import Foundation
import Payments
import TestSupport
import Testing

/// A handoff proven without its code: requested by a party, approved by an admin, used once by the traveler
/// within 30 minutes.
@Suite("Emergency overrides")
struct EmergencyOverrideTests {
    private func request(
        _ t: TestApp, _ booking: Booking, type: String, by who: TestAccount
    ) async throws
        -> APIResponse
    {
        try await t.request(
            .POST, "/api/v1/qr-codes/emergency",
            json: [
                "deliveryId": booking.deliveryId, "type": type,
                "reason": "The recipient's phone died and the code is on it",
                "evidence": ["The recipient's passport was checked by the traveler"],
            ], token: who.accessToken)
    }

    @Test("request, approve, use: the drop is verified by override and escrow is released")
    func approvedAndUsed() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            let requested = try await request(t, booking, type: "delivery", by: booking.traveler)
            #expect(requested.status == .created, "\(requested.text)")
            let id = try #require(requested.string("data.id"))
            #expect(
                try await request(t, booking, type: "delivery", by: booking.customer).code
                    == "OVERRIDE_ALREADY_REQUESTED")
            let stranger = try await t.signUp()
            #expect(try await request(t, booking, type: "delivery", by: stranger).status == .notFound)
            let queue = try await t.request(.GET, "/api/v1/qr-codes/emergency/pending", token: admin.accessToken)
            #expect(queue.list.count == 1)
            let byMember = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/approve", token: booking.customer.accessToken)
            #expect(byMember.status == .forbidden)
            let approved = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/approve", json: ["reason": "Evidence is convincing"],
                token: admin.accessToken)
            #expect(approved.string("data.status") == "approved")
            let code = try #require(approved.string("data.alternativeCode"))
            #expect(code.count == 8)
            let seen = try await t.request(
                .GET, "/api/v1/qr-codes/emergency/\(id)", token: booking.traveler.accessToken)
            #expect(seen.string("data.alternativeCode") == code, "the requester sees the code to use")
            let customerView = try await t.request(
                .GET, "/api/v1/qr-codes/emergency/\(id)", token: booking.customer.accessToken)
            #expect(customerView["data.alternativeCode"] == nil)

            let wrong = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/use", json: ["alternativeCode": "00000000"],
                token: booking.traveler.accessToken)
            #expect(wrong.code == "INVALID_OVERRIDE_CODE")
            let byCustomer = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/use", json: ["alternativeCode": code],
                token: booking.customer.accessToken)
            #expect(byCustomer.status == .notFound)
            let used = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/use", json: ["alternativeCode": code],
                token: booking.traveler.accessToken)
            #expect(used.status == .ok, "\(used.text)")
            #expect(used.string("data.status") == "used")
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "delivered")
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .released)
            let again = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(id)/use", json: ["alternativeCode": code],
                token: booking.traveler.accessToken)
            #expect(again.code == "OVERRIDE_NOT_APPROVED")
            let stats = try await t.request(.GET, "/api/v1/qr-codes/emergency/statistics", token: admin.accessToken)
            #expect(stats["data.approvalRate"] as? Double == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("an approved code unused for 30 minutes expires; a rejection needs a reason; a pending one can be cancelled")
    func expiryRejectionCancel() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            var admin = try await t.superAdmin()
            let first = try #require(
                try await request(t, booking, type: "pickup", by: booking.customer).string("data.id"))
            let approved = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(first)/approve", token: admin.accessToken)
            let code = try #require(approved.string("data.alternativeCode"))
            t.clock.advance(by: 30 * 60 + 1)
            booking.traveler = try await t.logIn(booking.traveler)
            booking.customer = try await t.logIn(booking.customer)
            admin = try await t.logIn(admin)
            let late = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(first)/use", json: ["alternativeCode": code],
                token: booking.traveler.accessToken)
            #expect(late.status == .gone)
            #expect(late.code == "OVERRIDE_EXPIRED")
            _ = try await t.request(.GET, "/api/v1/qr-codes/emergency/statistics", token: admin.accessToken)

            let second = try #require(
                try await request(t, booking, type: "pickup", by: booking.customer).string("data.id"))
            let noReason = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(second)/reject", token: admin.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            let rejected = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(second)/reject", json: ["reason": "Scan the code instead"],
                token: admin.accessToken)
            #expect(rejected.string("data.status") == "rejected")

            let third = try #require(
                try await request(t, booking, type: "pickup", by: booking.customer).string("data.id"))
            let cancelled = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(third)/cancel", token: booking.customer.accessToken)
            #expect(cancelled.string("data.status") == "cancelled")
            let approveLate = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/\(third)/approve", token: admin.accessToken)
            #expect(approveLate.code == "OVERRIDE_NOT_PENDING")
            let history = try await t.request(
                .GET, "/api/v1/qr-codes/emergency/delivery/\(booking.deliveryId)/status",
                token: booking.traveler.accessToken)
            #expect(
                history.list.compactMap { $0["status"] as? String }.sorted() == ["cancelled", "expired", "rejected"])
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "accepted")
        }
    }

    @Test("bulk approval approves every pending request once; the queue metrics count them")
    func bulk() async throws {
        try await withTestApp { t in
            let admin = try await t.superAdmin()
            var ids: [String] = []
            for _ in 0..<3 {
                let booking = try await t.bookDelivery()
                ids.append(
                    try #require(try await request(t, booking, type: "pickup", by: booking.customer).string("data.id")))
            }
            let metrics = try await t.request(
                .GET, "/api/v1/qr-codes/emergency/queue-metrics", token: admin.accessToken)
            #expect(metrics["data.pending"] as? Int == 3)
            let approved = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/bulk-approve", json: ["overrideIds": ids], token: admin.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(approved.list.count == 3)
            #expect(approved.list.allSatisfy { ($0["alternativeCode"] as? String)?.count == 8 })
            let twice = try await t.request(
                .POST, "/api/v1/qr-codes/emergency/bulk-approve", json: ["overrideIds": ids], token: admin.accessToken)
            #expect(twice.code == "OVERRIDE_NOT_PENDING")
        }
    }
}
