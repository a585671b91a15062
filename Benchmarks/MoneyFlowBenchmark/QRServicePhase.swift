import BenchmarkSupport
import Foundation
import Platform
import QRCodeKit
import QRCodes
import Vapor

/// The QR module's services on the database, called directly (no HTTP), one call at a time: issuing a
/// delivery's two codes in a transaction as a booking does, drawing a code's image for its holder (the row read,
/// the symbol encoded, the PNG or SVG drawn), and verifying a pickup code for its scanner (open, the row read and
/// checked, the code used, the scan logged and `HandoffVerified` published, in one transaction).
///
/// The codes belong to deliveries that do not exist, so the pickup's subscribers find nothing to move and the
/// figures are the QR module's own; only pickup codes are verified, since a drop would release an escrow.
struct QRServicePhase {
    struct Result: Encodable, Sendable {
        var operation: String
        var calls: Int
        var perSecond: Double
        var latency: LatencySummary
    }

    let app: Application
    let holder: UUID
    let scanner: UUID

    func run(calls: Int) async throws -> [Result] {
        let context = app.callContext()
        let now = context.now
        var pickups: [QRCodeRecord] = []
        let issue = try await measure("issue (two codes, one transaction)", calls: calls) { _ in
            let handoffs = QRCodeIssuer.Handoffs(
                deliveryId: UUID(), customerId: holder, travelerId: scanner, pickup: nil, dropoff: nil,
                pickupExpiresAt: now.addingTimeInterval(7 * 86_400),
                deliveryExpiresAt: now.addingTimeInterval(9 * 86_400))
            let codes = try await context.transaction { tx in try await QRCodeIssuer(context: tx).issue(handoffs) }
            guard let pickup = codes.first(where: { $0.type == .pickup }) else {
                throw BenchmarkError("issuing handoff codes gave no pickup code")
            }
            pickups.append(pickup)
        }
        let ids = try pickups.map { try $0.requireID() }
        let holderPrincipal = principal(holder, .customer)
        let queries = QRCodeQueries(context: app.callContext(principal: holderPrincipal))
        let png = try await measure("image PNG (read + symbol + PNG)", calls: calls) { index in
            _ = try await queries.image(ids[index], for: holderPrincipal, format: .png, moduleSize: 8)
        }
        let svg = try await measure("image SVG (read + symbol + SVG)", calls: calls) { index in
            _ = try await queries.image(ids[index], for: holderPrincipal, format: .svg, moduleSize: 8)
        }
        let scannerPrincipal = principal(scanner, .traveler)
        let verifier = QRCodeVerifier(context: app.callContext(principal: scannerPrincipal))
        let texts = pickups.map(\.sealedPayload)
        let verify = try await measure("verify pickup (open + checks + use + log + event)", calls: calls) { index in
            _ = try await verifier.verify(
                QRCodeVerifier.Scan(qrData: texts[index], expectedType: .pickup), by: scannerPrincipal)
        }
        return [issue, png, svg, verify]
    }

    private func principal(_ userId: UUID, _ type: UserType) -> Principal {
        Principal(
            userId: userId, userType: type, verificationLevel: .emailVerified, sessionId: UUID(), tokenId: "qr-bench",
            expiresAt: Date().addingTimeInterval(3_600))
    }

    private func measure(
        _ name: String, calls: Int, _ call: (Int) async throws -> Void
    ) async throws -> Result {
        var samples: [UInt64] = []
        samples.reserveCapacity(calls)
        let start = MonotonicClock.now
        for index in 0..<calls {
            let began = MonotonicClock.now
            try await call(index)
            samples.append(MonotonicClock.now - began)
        }
        let elapsed = MonotonicClock.seconds(since: start)
        return Result(
            operation: name, calls: calls, perSecond: Double(calls) / elapsed,
            latency: LatencySummary(nanoseconds: samples))
    }
}
