import Fluent
import Foundation
import Payments
import QRCodes
import TestSupport
import Testing

/// Handoffs are proven by codes: the pickup code moves a delivery to `picked_up`, the recipient's code at the
/// drop to `delivered` and releases escrow. Every refused scan has its code and changes nothing but the log.
@Suite("Handoff codes")
struct HandoffScanTests {
    private func status(_ t: TestApp, _ booking: Booking) async throws -> String? {
        try await t.request(.GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            .string("data.status")
    }

    private func scan(
        _ t: TestApp, _ path: String, _ body: [String: Any], by account: TestAccount
    ) async throws -> APIResponse {
        try await t.request(.POST, "/api/v1/qr-codes/\(path)", json: body, token: account.accessToken)
    }

    @Test("pickup scan, drop scan: delivered, escrow released, the traveler's pending balance is price − commission")
    func journey() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let claim = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status", json: ["status": "picked_up"],
                token: booking.traveler.accessToken)
            #expect(claim.status == .forbidden, "a party cannot claim a pickup: \(claim.text)")
            try await t.scan("pickup", of: booking)
            #expect(try await status(t, booking) == "picked_up")
            let claimDrop = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/status", json: ["status": "delivered"],
                token: booking.traveler.accessToken)
            #expect(claimDrop.status == .forbidden)
            let dropped = try await t.scan("delivery", of: booking)
            #expect(dropped.string("data.handoff") == "delivery")
            #expect(try await status(t, booking) == "delivered")

            let escrow = try #require(try await EscrowAccount.query(on: t.app.db).first())
            #expect(escrow.status == .released)
            let balance = try await t.request(.GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(balance.list.first?["currency"] as? String == "EUR")
            #expect(
                balance.list.first?["pending"] as? Int
                    == Int(PaymentJourneyTests.price - PaymentJourneyTests.commission))
            #expect(balance.list.first?["available"] as? Int == 0)
            let ledger = try await t.request(.GET, "/api/v1/payments/ledger", token: booking.traveler.accessToken)
            #expect(ledger.list.first?["kind"] as? String == "escrow_released")
            let revenue = try await Ledger(context: t.app.callContext()).balance(
                of: LedgerAccountRef(.platformRevenue, currency: "EUR"))
            #expect(revenue == PaymentJourneyTests.commission)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("the traveler sees the codes' state but never their payload, backup code or image")
    func travelerCannotSeeCodes() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let seen = try await t.request(
                .GET, "/api/v1/qr-codes/delivery/\(booking.deliveryId)", token: booking.traveler.accessToken)
            #expect(seen.status == .ok)
            #expect(seen.list.count == 2)
            #expect(seen.list.allSatisfy { $0["qrData"] == nil && $0["backupCode"] == nil })
            let code = try await t.handoffCode("pickup", of: booking)
            let image = try await t.request(
                .GET, "/api/v1/qr-codes/\(code.id)/image", token: booking.traveler.accessToken)
            #expect(image.status == .notFound)
            let stranger = try await t.signUp(userType: "customer")
            let foreign = try await t.request(
                .GET, "/api/v1/qr-codes/delivery/\(booking.deliveryId)", token: stranger.accessToken)
            #expect(foreign.status == .notFound)
        }
    }

    @Test("the PNG decodes with zbarimg to the exact payload; SVG is served too")
    func images() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let code = try await t.handoffCode("delivery", of: booking)
            let png = try await t.request(
                .GET, "/api/v1/qr-codes/\(code.id)/image?format=png&size=6", token: booking.customer.accessToken)
            #expect(png.status == .ok)
            #expect(png.headers.first(name: .contentType) == "image/png")
            #expect(png.headers.first(name: .cacheControl) == "no-store")
            #expect(try ZBarReader.decode(png: Array(png.body)) == code.qrData)
            let svg = try await t.request(
                .GET, "/api/v1/qr-codes/\(code.id)/image?format=svg", token: booking.customer.accessToken)
            #expect(svg.headers.first(name: .contentType) == "image/svg+xml")
            #expect(svg.text.hasPrefix("<svg") || svg.text.hasPrefix("<?xml"))
            let bad = try await t.request(
                .GET, "/api/v1/qr-codes/\(code.id)/image?format=gif", token: booking.customer.accessToken)
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test("the backup code typed in, in any case and grouping, proves the pickup")
    func backupCode() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let code = try await t.handoffCode("pickup", of: booking)
            let typed = code.backup.lowercased().replacingOccurrences(of: "-", with: " ")
            let scanned = try await scan(
                t, "validation/validate-backup", ["backupCode": typed], by: booking.traveler)
            #expect(scanned.status == .ok, "\(scanned.text)")
            #expect(scanned.string("data.method") == "backup_code")
            #expect(try await status(t, booking) == "picked_up")
        }
    }

    @Test("every refused scan answers its own code and leaves the delivery and the code as they were")
    func refusals() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let other = try await t.bookDelivery()
            let pickup = try await t.handoffCode("pickup", of: booking)
            let drop = try await t.handoffCode("delivery", of: booking)
            var tampered = Array(pickup.qrData)
            tampered[tampered.count - 3] = tampered[tampered.count - 3] == "A" ? "B" : "A"

            let cases: [(String, [String: Any], TestAccount, Int, String)] = [
                ("pickup/validate", ["qrData": pickup.qrData], booking.customer, 403, "QR_CODE_WRONG_PARTY"),
                ("pickup/validate", ["qrData": pickup.qrData], other.traveler, 403, "QR_CODE_WRONG_PARTY"),
                ("pickup/validate", ["qrData": String(tampered)], booking.traveler, 422, "QR_CODE_TAMPERED"),
                ("pickup/validate", ["qrData": "https://example.com/x"], booking.traveler, 422, "QR_CODE_FOREIGN"),
                ("pickup/validate", ["qrData": drop.qrData], booking.traveler, 422, "QR_CODE_WRONG_TYPE"),
                ("delivery/validate", ["qrData": drop.qrData], booking.traveler, 409, "HANDOFF_OUT_OF_ORDER"),
                (
                    "verify", ["qrData": pickup.qrData, "deliveryId": other.deliveryId], booking.traveler, 422,
                    "QR_CODE_WRONG_DELIVERY"
                ),
                (
                    "validation/validate-backup", ["backupCode": "AAA-BBB-CCC-DDD"], booking.traveler, 422,
                    "INVALID_BACKUP_CODE"
                ),
            ]
            for (path, body, who, expected, code) in cases {
                let refused = try await scan(t, path, body, by: who)
                #expect(refused.status.code == UInt(expected), "\(code): \(refused.text)")
                #expect(refused.code == code)
            }
            #expect(try await status(t, booking) == "accepted")
            let both = try await scan(
                t, "verify", ["qrData": pickup.qrData, "backupCode": pickup.backup], by: booking.traveler)
            #expect(both.status == .unprocessableEntity)

            let log = try await t.request(
                .GET, "/api/v1/qr-codes/validation/\(pickup.id)/scans", token: booking.customer.accessToken)
            // The customer's, the other traveler's and the wrong delivery's scans name this code; the tampered
            // and foreign ones could not be tied to any code.
            #expect(
                log.list.compactMap { $0["result"] as? String }.sorted() == [
                    "wrong_code", "wrong_party", "wrong_party",
                ])
            let suspicious = try await QRCodeScan.query(on: t.app.db).filter(\.$suspicious == true).count()
            #expect(suspicious > 0, "repeated failures by one scanner are flagged")

            // Used once only.
            try await t.scan("pickup", of: booking)
            let reused = try await scan(t, "pickup/validate", ["qrData": pickup.qrData], by: booking.traveler)
            #expect(reused.status == .conflict)
            #expect(reused.code == "QR_CODE_ALREADY_USED")
        }
    }

    @Test("a revoked code is refused; its regenerated successor works; an expired code is refused")
    func revokedAndExpired() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            let pickup = try await t.handoffCode("pickup", of: booking)
            let revoked = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/revoke", json: ["reason": "Shared by mistake"],
                token: booking.customer.accessToken)
            #expect(revoked.string("data.status") == "revoked")
            let refused = try await scan(t, "pickup/validate", ["qrData": pickup.qrData], by: booking.traveler)
            #expect(refused.status == .gone)
            #expect(refused.code == "QR_CODE_REVOKED")
            let traveler = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/regenerate", token: booking.traveler.accessToken)
            #expect(traveler.status == .notFound, "only the holder reissues")
            let fresh = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/regenerate", token: booking.customer.accessToken)
            #expect(fresh.status == .ok, "\(fresh.text)")
            let freshCode = try await t.handoffCode("pickup", of: booking)
            #expect(freshCode.id != pickup.id)

            t.clock.advance(by: 60 * 24 * 3600)
            booking.traveler = try await t.logIn(booking.traveler)
            booking.customer = try await t.logIn(booking.customer)
            let late = try await scan(t, "pickup/validate", ["qrData": freshCode.qrData], by: booking.traveler)
            #expect(late.status == .gone)
            #expect(late.code == "QR_CODE_EXPIRED")
            #expect(try await status(t, booking) == "accepted")
        }
    }

    @Test("a cancelled delivery's codes are revoked")
    func cancellationRevokes() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let pickup = try await t.handoffCode("pickup", of: booking)
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Plans changed"],
                token: booking.customer.accessToken)
            #expect(cancelled.status == .ok)
            let refused = try await scan(t, "pickup/validate", ["qrData": pickup.qrData], by: booking.traveler)
            #expect(refused.code == "QR_CODE_REVOKED")
        }
    }

    @Test("a high-security code is scanned at its place, and the drop by the device that collected the item")
    func highSecurity() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery(handoffSecurity: "high")
            let pickup = try await t.handoffCode("pickup", of: booking)
            let drop = try await t.handoffCode("delivery", of: booking)
            let camden: [String: Any] = ["lat": 51.5391, "lng": -0.1427]
            let noPlace = try await scan(
                t, "pickup/validate", ["qrData": pickup.qrData, "deviceId": "phone-a"], by: booking.traveler)
            #expect(noPlace.status == .unprocessableEntity)
            #expect(noPlace.code == "LOCATION_REQUIRED")
            let far = try await scan(
                t, "pickup/validate",
                ["qrData": pickup.qrData, "deviceId": "phone-a", "location": ["lat": 51.5, "lng": -0.2]],
                by: booking.traveler)
            #expect(far.code == "QR_CODE_OUT_OF_RADIUS")
            let flagged = try await t.request(
                .GET, "/api/v1/qr-codes/validation/\(pickup.id)/scans", token: booking.customer.accessToken)
            #expect(flagged.list.first?["suspicious"] as? Bool == true)
            #expect(try await status(t, booking) == "accepted")
            let near = try await scan(
                t, "pickup/validate", ["qrData": pickup.qrData, "deviceId": "phone-a", "location": camden],
                by: booking.traveler)
            #expect(near.status == .ok, "\(near.text)")
            let montmartre: [String: Any] = ["lat": 48.8868, "lng": 2.3432]
            let otherPhone = try await scan(
                t, "delivery/validate", ["qrData": drop.qrData, "deviceId": "phone-b", "location": montmartre],
                by: booking.traveler)
            #expect(otherPhone.status == .forbidden)
            #expect(otherPhone.code == "QR_CODE_WRONG_DEVICE")
            let samePhone = try await scan(
                t, "delivery/validate", ["qrData": drop.qrData, "deviceId": "phone-a", "location": montmartre],
                by: booking.traveler)
            #expect(samePhone.status == .ok, "\(samePhone.text)")
            #expect(try await status(t, booking) == "delivered")
        }
    }
}

/// The `maximum` level: a one-time code texted to the person handing over completes the scan.
@Suite("Maximum-security handoffs")
struct MaximumSecurityTests {
    @Test("without the texted one-time code the scan is refused; with it, the pickup is verified")
    func oneTimeCode() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery(handoffSecurity: "maximum")
            let pickup = try await t.handoffCode("pickup", of: booking)
            let camden: [String: Any] = ["lat": 51.5391, "lng": -0.1427]
            func scan(_ extra: [String: Any] = [:]) async throws -> APIResponse {
                var body: [String: Any] = ["qrData": pickup.qrData, "deviceId": "phone-a", "location": camden]
                body.merge(extra) { $1 }
                return try await t.request(
                    .POST, "/api/v1/qr-codes/pickup/validate", json: body, token: booking.traveler.accessToken)
            }
            #expect(try await scan().code == "ONE_TIME_CODE_REQUIRED")
            let byCustomer = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/one-time-code", token: booking.customer.accessToken)
            #expect(byCustomer.status == .notFound)
            let sent = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/one-time-code", token: booking.traveler.accessToken)
            #expect(sent.status == .ok, "\(sent.text)")
            let code = try #require(try await t.latestSMSCode())
            #expect(
                try await scan(["oneTimeCode": code == "000000" ? "111111" : "000000"]).code == "INVALID_ONE_TIME_CODE")
            let verified = try await scan(["oneTimeCode": code])
            #expect(verified.status == .ok, "\(verified.text)")
        }
    }

    @Test("a standard code has no one-time code to send")
    func standardHasNone() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let pickup = try await t.handoffCode("pickup", of: booking)
            let refused = try await t.request(
                .POST, "/api/v1/qr-codes/\(pickup.id)/one-time-code", token: booking.traveler.accessToken)
            #expect(refused.code == "ONE_TIME_CODE_NOT_USED")
        }
    }
}
