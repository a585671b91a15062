import Deliveries
import Fluent
import Foundation
import Platform
import Trips
import Users
import Vapor

/// `--steps`: times, one by one, the database work `find-matches` does around the engine, to show where the
/// HTTP route's time goes. Each step runs on its own, so side-by-side steps of the route overlap there.
struct StepsPhase {
    static let rounds = 300

    let app: Application
    let index: TripIndex

    func run(
        requestId: UUID, customerId: UUID, matched: [TripIndexEntry]
    ) async throws -> [String: LatencyRecorder.Summary] {
        let db = app.db
        let tripIds = matched.prefix(MatchingEngine.defaultLimit).map(\.id)
        let travelerIds = matched.prefix(MatchingEngine.defaultLimit).map(\.travelerId)
        var results: [String: LatencyRecorder.Summary] = [:]
        results["request"] = try await measure { _ = try await MatchableRequest.load(requestId, on: db) }
        results["relations"] = try await measure {
            _ = try await MemberDirectory.relations(of: customerId, on: db)
        }
        results["indexRefresh"] = try await measure {
            // Marked as written here, so every round runs the two reads instead of skipping within `freshness`.
            index.noteLocalChange()
            try await index.refresh(on: db)
        }
        results["ratingsChanged"] = try await measure {
            _ = try await MemberDirectory.ratingsChanged(since: Date(), on: db)
        }
        results["confirmTrips"] = try await measure { _ = try await TripSnapshot.load(tripIds, on: db) }
        results["travelerSummaries"] = try await measure {
            _ = try await MemberDirectory.summaries(of: travelerIds, on: db)
        }
        let app = self.app
        results["publishEvent"] = try await measure {
            try await db.transaction { tx in
                try await app.events.publish(
                    PotentialTravelersMatched(requestId: requestId, customerId: customerId, matches: []), on: tx,
                    application: app)
            }
        }
        return results
    }

    private func measure(_ body: () async throws -> Void) async throws -> LatencyRecorder.Summary {
        var recorder = LatencyRecorder(capacity: Self.rounds)
        for _ in 0..<30 { try await body() }
        for _ in 0..<Self.rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            recorder.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        }
        return recorder.summary
    }
}
