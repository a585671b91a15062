import Fluent
import Foundation
import Payments
import TestSupport
import Testing

/// Escrow released without the drop's code: the customer's confirmation, the hold period, or an admin.
@Suite("Escrow hold period")
struct EscrowHoldTests {
    @Test("a drop an admin records without the code holds escrow 48 hours, then it releases by itself")
    func holdPeriod() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            let noReason = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status", json: ["status": "delivered"],
                token: admin.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            let recorded = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status",
                json: ["status": "delivered", "reason": "Recipient confirmed by phone; their code would not scan"],
                token: admin.accessToken)
            #expect(recorded.status == .ok, "\(recorded.text)")
            let held = try #require(try await EscrowAccount.query(on: t.app.db).first())
            #expect(held.status == .held)
            #expect(held.holdUntil != nil)
            t.clock.advance(by: EscrowRelease.holdAfterDelivery - 60)
            try await EscrowRelease(context: t.app.callContext()).releaseDue()
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .held)
            t.clock.advance(by: 120)
            try await EscrowRelease(context: t.app.callContext()).releaseDue()
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .released)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("the customer's confirmation releases a held escrow; an admin can release one with a reason")
    func confirmationAndAdmin() async throws {
        try await withTestApp { t in
            let admin = try await t.superAdmin()
            let booking = try await t.bookDelivery()
            try await t.scan("pickup", of: booking)
            _ = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status",
                json: ["status": "delivered", "reason": "Handed over at the depot"], token: admin.accessToken)
            let confirmed = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status", json: ["status": "completed"],
                token: booking.customer.accessToken)
            #expect(confirmed.status == .ok)
            let escrows = try await EscrowAccount.query(on: t.app.db).all()
            #expect(escrows.first?.status == .released)

            let other = try await t.bookDelivery()
            let escrow = try #require(
                try await EscrowAccount.query(on: t.app.db).filter(\.$deliveryId == UUID(uuidString: other.deliveryId)!)
                    .first())
            let byMember = try await t.request(
                .POST, "/api/v1/payments/escrow/\(escrow.id!)/release", json: ["reason": "Please"],
                token: other.traveler.accessToken)
            #expect(byMember.status == .forbidden)
            let released = try await t.request(
                .POST, "/api/v1/payments/escrow/\(escrow.id!)/release", json: ["reason": "Goodwill after an outage"],
                token: admin.accessToken)
            #expect(released.string("data.status") == "released", "\(released.text)")
            let twice = try await t.request(
                .POST, "/api/v1/payments/escrow/\(escrow.id!)/release", json: ["reason": "Again"],
                token: admin.accessToken)
            #expect(twice.status == .conflict)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
