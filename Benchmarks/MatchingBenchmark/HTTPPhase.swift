import App
import BenchmarkSupport
import Deliveries
import DemoData
import Fluent
import Foundation
import Platform
import Vapor

/// Times `POST /api/v1/delivery-requests/{id}/find-matches` over HTTP/1.1 with keep-alive against the
/// application served on a local port, one request at a time (latency, not throughput).
struct HTTPPhase {
    static let warmUp = 100

    let app: Application
    let port: Int

    struct Result: Encodable {
        var all: LatencyRecorder.Summary
        /// Searches that made at least one instant offer (a write transaction), and the others.
        var withInstantOffers: LatencyRecorder.Summary
        var withoutInstantOffers: LatencyRecorder.Summary
    }

    func run(requestIds: [UUID], email: String, password: String) async throws -> Result {
        let token = try await signIn(email: email, password: password)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        var recorder = LatencyRecorder(capacity: requestIds.count)
        var withOffers = LatencyRecorder(capacity: requestIds.count)
        var withoutOffers = LatencyRecorder(capacity: requestIds.count)
        for (position, id) in requestIds.enumerated() {
            let uri = URI(string: "http://127.0.0.1:\(port)/api/v1/delivery-requests/\(id.uuidString)/find-matches")
            let start = DispatchTime.now().uptimeNanoseconds
            let response = try await app.client.post(uri, headers: headers)
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            guard response.status == .ok else {
                throw BenchmarkError(
                    "find-matches answered \(response.status.code): \(response.body.map { String(buffer: $0) } ?? "")")
            }
            guard position >= Self.warmUp else { continue }
            recorder.record(nanoseconds: elapsed)
            if response.body.map({ String(buffer: $0).contains("\"instantOfferId\":\"") }) == true {
                withOffers.record(nanoseconds: elapsed)
            } else {
                withoutOffers.record(nanoseconds: elapsed)
            }
        }
        return Result(
            all: recorder.summary, withInstantOffers: withOffers.summary, withoutInstantOffers: withoutOffers.summary)
    }

    private func signIn(email: String, password: String) async throws -> String {
        let response = try await app.client.post(URI(string: "http://127.0.0.1:\(port)/api/v1/auth/login")) { request in
            try request.content.encode(["email": email, "password": password], as: .json)
        }
        guard response.status == .ok, let body = response.body,
            let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
            let data = json["data"] as? [String: Any], let token = data["accessToken"] as? String
        else { throw BenchmarkError("sign-in failed with \(response.status.code)") }
        return token
    }
}
