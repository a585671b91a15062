import Deliveries
import DemoData
import Foundation
import Platform
import Trips

/// Times `MatchingEngine().matches(criteria, in: index)` alone, and counts what the index hands it.
struct EnginePhase {
    struct Result: Encodable {
        var latency: LatencyRecorder.Summary
        /// Trips the index yields per request (near both ends, departing in the window): what the engine scores.
        var candidatesMean: Double
        var candidatesP50: Int
        var candidatesP99: Int
        var candidatesMax: Int
        /// Trips that pass every rule and score at least 0.60, before the top-10 cut.
        var qualifyingMean: Double
        /// Requests with at least one match.
        var answeredShare: Double
    }

    static let warmUp = 200

    let index: TripIndex
    let radiusKm: Double

    func run(_ criteria: [MatchCriteria]) -> Result {
        let engine = MatchingEngine()
        for item in criteria.prefix(Self.warmUp) { _ = engine.matches(item, in: index) }
        var recorder = LatencyRecorder(capacity: criteria.count)
        var answered = 0
        for item in criteria {
            let found = recorder.time { engine.matches(item, in: index) }
            if !found.isEmpty { answered += 1 }
        }
        // Counted after timing, so counting costs nothing to the figures above.
        let candidates = criteria.map(candidateCount).sorted()
        let qualifying = criteria.map { engine.matches($0, in: index, limit: .max).count }
        let total = Double(max(1, criteria.count))
        return Result(
            latency: recorder.summary, candidatesMean: Double(candidates.reduce(0, +)) / total,
            candidatesP50: candidates.isEmpty ? 0 : candidates[candidates.count / 2],
            candidatesP99: candidates.isEmpty ? 0 : candidates[min(candidates.count - 1, candidates.count * 99 / 100)],
            candidatesMax: candidates.last ?? 0, qualifyingMean: Double(qualifying.reduce(0, +)) / total,
            answeredShare: Double(answered) / total)
    }

    /// The same window the engine asks the index for.
    private func candidateCount(_ criteria: MatchCriteria) -> Int {
        let departures =
            criteria.pickupWindow.lowerBound...max(criteria.pickupWindow.lowerBound, criteria.deliveryWindow.upperBound)
        var count = 0
        index.forEachCandidate(
            origin: criteria.pickup, destination: criteria.delivery, radiusKm: criteria.radiusKm,
            departures: departures
        ) { _, _ in count += 1 }
        return count
    }
}
