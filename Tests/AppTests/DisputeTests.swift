import Fluent
import Foundation
import Payments
import TestSupport
import Testing

/// Disputes hold the money, gather both sides, and end in one ruling that the ledger carries out once.
@Suite("Disputes")
struct DisputeTests {
    static let price = PaymentJourneyTests.price
    static let commission = PaymentJourneyTests.commission

    private func open(
        _ t: TestApp, _ booking: Booking, by who: TestAccount, category: String = "item_damaged"
    )
        async throws -> APIResponse
    {
        try await t.request(
            .POST, "/api/v1/deliveries/\(booking.deliveryId)/disputes",
            json: ["category": category, "description": "The screen arrived cracked", "requestedResolution": "split"],
            token: who.accessToken)
    }

    private func balance(_ t: TestApp, _ kind: LedgerAccountKind, _ owner: String?) async throws -> Int64 {
        try await Ledger(context: t.app.callContext()).balance(
            of: LedgerAccountRef(kind, owner: owner.flatMap(UUID.init(uuidString:)), currency: "EUR"))
    }

    @Test("before pickup a delivery is cancelled, not disputed; the status route no longer opens disputes")
    func beforePickup() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let refused = try await open(t, booking, by: booking.customer)
            #expect(refused.status == .conflict)
            #expect(refused.code == "DISPUTE_BEFORE_PICKUP")
            try await t.scan("pickup", of: booking)
            let byStatus = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status",
                json: ["status": "disputed", "reason": "Broken"], token: booking.customer.accessToken)
            #expect(byStatus.status == .unprocessableEntity)
        }
    }

    @Test("in transit: escrow frozen, evidence and messages from both sides, a split carried out once")
    func splitInTransit() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            let opened = try await open(t, booking, by: booking.customer)
            #expect(opened.status == .created, "\(opened.text)")
            #expect(opened.string("data.held") == "escrow")
            #expect(opened.string("data.caseNumber")?.hasPrefix("DSP-") == true)
            let disputeId = try #require(opened.string("data.id"))
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .frozen)
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "disputed")
            #expect(try await open(t, booking, by: booking.traveler).code == "DISPUTE_ALREADY_OPEN")

            // The drop no longer releases anything: the delivery is disputed.
            let code = try await t.handoffCode("delivery", of: booking)
            let drop = try await t.request(
                .POST, "/api/v1/qr-codes/delivery/validate", json: ["qrData": code.qrData],
                token: booking.traveler.accessToken)
            #expect(drop.status == .conflict)
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .frozen)

            var photo = Multipart()
            photo.file("file", SampleFile.png, filename: "crack.png", contentType: "image/png")
            photo.field("description", "The crack")
            let added = try await t.upload(
                "/api/v1/disputes/\(disputeId)/evidence", photo, token: booking.customer.accessToken)
            #expect(added.status == .created, "\(added.text)")
            #expect(added.string("data.type") == "photo")
            var fake = Multipart()
            fake.file("file", SampleFile.text, filename: "x.png", contentType: "image/png")
            let refused = try await t.upload(
                "/api/v1/disputes/\(disputeId)/evidence", fake, token: booking.traveler.accessToken)
            #expect(refused.status == .unprocessableEntity)
            let fileURL = try #require(added.string("data.fileUrl"))
            let file = try await t.request(.GET, fileURL, token: admin.accessToken)
            #expect(file.body == SampleFile.png)
            let stranger = try await t.signUp()
            #expect(try await t.request(.GET, fileURL, token: stranger.accessToken).status == .notFound)

            _ = try await t.request(
                .POST, "/api/v1/disputes/\(disputeId)/messages", json: ["message": "It was packed well"],
                token: booking.traveler.accessToken)
            _ = try await t.request(
                .POST, "/api/v1/disputes/\(disputeId)/messages",
                json: ["message": "Photos look genuine", "isInternal": true], token: admin.accessToken)
            let seen = try await t.request(
                .GET, "/api/v1/disputes/\(disputeId)/messages", token: booking.customer.accessToken)
            #expect(seen.list.compactMap { $0["message"] as? String } == ["It was packed well"])
            let all = try await t.request(.GET, "/api/v1/disputes/\(disputeId)/messages", token: admin.accessToken)
            #expect(all.list.count == 2)

            let member = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve", json: ["resolution": "release", "notes": "x"],
                token: booking.customer.accessToken)
            #expect(member.status == .forbidden)
            let queue = try await t.request(.GET, "/api/v1/admin/disputes?status=open", token: admin.accessToken)
            #expect(queue.list.count == 1)
            let any = try await t.request(.GET, "/api/v1/admin/disputes?status=", token: admin.accessToken)
            #expect(any.list.count == 1, "an empty filter is no filter")
            let resolvedOnly = try await t.request(
                .GET, "/api/v1/admin/disputes?status=resolved", token: admin.accessToken)
            #expect(resolvedOnly.list.isEmpty)
            let bogus = try await t.request(.GET, "/api/v1/admin/disputes?status=closed", token: admin.accessToken)
            #expect(bogus.status == .unprocessableEntity)
            let stake = try await t.request(.GET, "/api/v1/admin/disputes/\(disputeId)", token: admin.accessToken)
            #expect(stake["data.atStake.amount"] as? Int == Int(Self.price))
            let badSplit = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve",
                json: ["resolution": "split", "travelerAmount": 4000, "customerAmount": 1000, "notes": "Half"],
                token: admin.accessToken)
            #expect(badSplit.status == .unprocessableEntity)
            let resolved = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve",
                json: ["resolution": "split", "travelerAmount": 2000, "customerAmount": 2000, "notes": "Shared blame"],
                token: admin.accessToken)
            #expect(resolved.status == .ok, "\(resolved.text)")
            #expect(resolved["data.platformAmount.amount"] as? Int == 500)
            let again = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve",
                json: ["resolution": "full_refund", "notes": "Changed my mind"], token: admin.accessToken)
            #expect(again.code == "DISPUTE_ALREADY_RESOLVED")

            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .split)
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == 2000)
            #expect(try await balance(t, .refunds, booking.customer.id) == 2000)
            #expect(try await balance(t, .platformRevenue, nil) == 500)
            let outcome = try await t.request(
                .GET, "/api/v1/disputes/\(disputeId)", token: booking.traveler.accessToken)
            #expect(outcome.string("data.resolution") == "split")
            #expect(outcome["data.travelerAmount.amount"] as? Int == 2000)
            let after = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(after.string("data.status") == "completed")
            try await t.runJobs()
            #expect(try await Refund.query(on: t.app.db).filter(\.$status == .succeeded).count() == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("after the drop the traveler's pending share is held, stops clearing, and a full refund takes it back")
    func afterDrop() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            var admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let opened = try await open(t, booking, by: booking.customer, category: "wrong_item")
            #expect(opened.string("data.held") == "pending_share")
            let disputeId = try #require(opened.string("data.id"))
            t.clock.advance(by: EarningsClearing.clearingPeriod + 60)
            try await EarningsClearing(context: t.app.callContext()).clearDue()
            #expect(try await balance(t, .travelerAvailable, booking.traveler.id) == 0, "held, not cleared")
            admin = try await t.logIn(admin)
            booking.customer = try await t.logIn(booking.customer)
            let resolved = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve",
                json: ["resolution": "full_refund", "notes": "Wrong item delivered"], token: admin.accessToken)
            #expect(resolved.status == .ok, "\(resolved.text)")
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == 0)
            #expect(try await balance(t, .platformRevenue, nil) == 0)
            #expect(try await balance(t, .refunds, booking.customer.id) == Self.price)
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "refunded")
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("fifty concurrent rulings on one dispute: exactly one is carried out")
    func concurrentRulings() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            let disputeId = try #require(try await open(t, booking, by: booking.traveler).string("data.id"))
            let outcomes: [[String: Any]] = [
                ["resolution": "full_refund"], ["resolution": "release"],
                ["resolution": "partial_refund", "customerAmount": 1500],
                ["resolution": "split", "travelerAmount": 1000, "customerAmount": 3000],
            ]
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for index in 0..<50 {
                    var ruling = outcomes[index % outcomes.count]
                    ruling["notes"] = "Ruling \(index)"
                    let body = try JSONSerialization.data(withJSONObject: ruling)
                    group.addTask {
                        try await t.request(
                            .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve", body: body,
                            contentType: "application/json", token: admin.accessToken
                        ).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 49)
            let resolutions = try await LedgerTransfer.query(on: t.app.db).filter(
                \.$kind ~~ [
                    "escrow_released", "escrow_refunded", "escrow_split",
                ]
            ).count()
            #expect(resolutions == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
