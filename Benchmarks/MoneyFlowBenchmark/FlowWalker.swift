import BenchmarkSupport
import Foundation

/// Walks flows over HTTP: each lane is one client (a customer and a traveler signed in once) that walks its
/// flows one after the other, every step waiting for the previous one's answer, and the lanes run side by side.
struct FlowWalker: Sendable {
    /// The access tokens of one lane.
    struct Lane: Sendable {
        var customerToken: String
        var travelerToken: String
    }

    /// What one flow took, step by step, and the delivery it booked.
    struct Sample: Sendable {
        var deliveryId: UUID
        var accept: UInt64
        var pickup: UInt64
        var delivery: UInt64

        var total: UInt64 { accept + pickup + delivery }
    }

    struct Walked: Sendable {
        var samples: [Sample]
        var seconds: Double
    }

    let client: FlowClient
    let lanes: [Lane]

    /// Signs every member in once: lane `l` is customer `l` with traveler `l % travelers`.
    static func signIn(_ members: SeededMembers, through client: FlowClient) async throws -> FlowWalker {
        var travelerTokens: [String] = []
        for traveler in members.travelers {
            travelerTokens.append(try await client.signIn(email: traveler.email, password: members.password))
        }
        var lanes: [Lane] = []
        for (lane, customer) in members.customers.enumerated() {
            lanes.append(
                Lane(
                    customerToken: try await client.signIn(email: customer.email, password: members.password),
                    travelerToken: travelerTokens[lane % travelerTokens.count]))
        }
        return FlowWalker(client: client, lanes: lanes)
    }

    /// Walks every flow of `batch`, its lanes concurrently; `seconds` runs from the first request to the last
    /// answer.
    func walk(_ batch: FlowBatch) async throws -> Walked {
        let start = MonotonicClock.now
        let samples = try await withThrowingTaskGroup(of: [Sample].self) { group in
            for (lane, flows) in batch.lanes.enumerated() {
                let tokens = lanes[lane]
                group.addTask {
                    var samples: [Sample] = []
                    samples.reserveCapacity(flows.count)
                    for flow in flows { samples.append(try await walk(flow, as: tokens, scans: batch.scans)) }
                    return samples
                }
            }
            var all: [Sample] = []
            for try await lane in group { all += lane }
            return all
        }
        return Walked(samples: samples, seconds: MonotonicClock.seconds(since: start))
    }

    /// What accepting an offer answered: the booked delivery and the codes the customer holds.
    struct Accepted: Decodable, Sendable {
        struct Booked: Decodable, Sendable {
            var deliveryId: UUID
        }
        struct Code: Decodable, Sendable {
            var type: String
            var qrData: String?
            var backupCode: String?
        }
        var delivery: Booked?
        var qrCodes: [Code]

        func code(_ handoff: String) throws -> Code {
            guard let code = qrCodes.first(where: { $0.type == handoff }) else {
                throw BenchmarkError("accepting an offer gave no \(handoff) code")
            }
            return code
        }
    }

    private struct Verified: Decodable {
        var handoff: String
    }

    /// Accept with the sandbox's succeeding card, the pickup scan, the delivery scan.
    private func walk(_ flow: SeededFlow, as lane: Lane, scans: ScanMethod) async throws -> Sample {
        var started = MonotonicClock.now
        let (accepted, deliveryId) = try await accept(flow, as: lane)
        let accept = MonotonicClock.now - started
        var times: [UInt64] = []
        for handoff in ["pickup", "delivery"] {
            let code = try accepted.code(handoff)
            started = MonotonicClock.now
            try await scan(code, handoff: handoff, as: lane, method: scans)
            times.append(MonotonicClock.now - started)
        }
        return Sample(deliveryId: deliveryId, accept: accept, pickup: times[0], delivery: times[1])
    }

    /// `POST /offers/{id}/accept` paid with `pm_card_visa`, by the lane's customer.
    func accept(_ flow: SeededFlow, as lane: Lane) async throws -> (Accepted, UUID) {
        let accepted = try await client.post(
            "/api/v1/offers/\(flow.offerId.uuidString.lowercased())/accept", ["paymentMethod": "pm_card_visa"],
            token: lane.customerToken, decoding: Accepted.self)
        guard let delivery = accepted.delivery else {
            throw BenchmarkError("accepting offer \(flow.offerId) booked no delivery")
        }
        return (accepted, delivery.deliveryId)
    }

    /// The lane's traveler scans `code` at `handoff` (`pickup` or `delivery`).
    func scan(_ code: Accepted.Code, handoff: String, as lane: Lane, method: ScanMethod) async throws {
        let (path, body) = try Self.scan(code, handoff: handoff, method: method)
        let verified = try await client.post(path, body, token: lane.travelerToken, decoding: Verified.self)
        guard verified.handoff == handoff else {
            throw BenchmarkError("a \(handoff) scan proved the \(verified.handoff) handoff")
        }
    }

    /// The route and body of a scan: the symbol's text at the handoff's own route, or the typed backup code.
    private static func scan(
        _ code: Accepted.Code, handoff: String, method: ScanMethod
    ) throws -> (String, [String: String]) {
        switch method {
        case .qrCode:
            guard let text = code.qrData else { throw BenchmarkError("the \(handoff) code came without its text") }
            return ("/api/v1/qr-codes/\(handoff)/validate", ["qrData": text])
        case .backupCode:
            guard let typed = code.backupCode else {
                throw BenchmarkError("the \(handoff) code came without its backup code")
            }
            return ("/api/v1/qr-codes/validation/validate-backup", ["backupCode": typed])
        }
    }
}
