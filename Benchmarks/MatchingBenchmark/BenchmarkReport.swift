import Foundation

/// What one run measured, printed for people and as one `RESULT {json}` line for scripts/bench.
struct BenchmarkReport: Encodable {
    var database: String
    var trips: Int
    var travelers: Int
    var indexed = 0
    var seedSeconds = 0.0
    var indexLoadSeconds = 0.0
    var rssBeforeMiB = 0.0
    var rssAfterMiB = 0.0
    var engine: EnginePhase.Result?
    var http: HTTPPhase.Result?
    var steps: [String: LatencyRecorder.Summary]?

    init(options: BenchmarkOptions, travelers: Int) {
        database = options.store.rawValue
        trips = options.trips
        self.travelers = travelers
    }

    func print() {
        Swift.print("== matching-bench: \(trips) trips on \(database), \(travelers) travelers ==")
        if seedSeconds > 0 { Swift.print(String(format: "seeding:     %.1f s", seedSeconds)) }
        Swift.print(
            String(
                format: "index load:  %.2f s, RSS %.0f MiB -> %.0f MiB (+%.0f MiB)", indexLoadSeconds, rssBeforeMiB,
                rssAfterMiB, rssAfterMiB - rssBeforeMiB))
        if let engine {
            Swift.print("engine:      \(engine.latency.text)")
            Swift.print(
                String(
                    format: "candidates:  mean %.1f, p50 %d, p99 %d, max %d; qualifying mean %.1f; %.0f %% answered",
                    engine.candidatesMean, engine.candidatesP50, engine.candidatesP99, engine.candidatesMax,
                    engine.qualifyingMean, engine.answeredShare * 100))
        }
        if let http {
            Swift.print("http:        \(http.all.text)")
            Swift.print("  with instant offers:    \(http.withInstantOffers.text)")
            Swift.print("  without instant offers: \(http.withoutInstantOffers.text)")
        }
        for (name, summary) in (steps ?? [:]).sorted(by: { $0.key < $1.key }) {
            Swift.print("step \(name): \(summary.text)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let json = try? encoder.encode(self) {
            Swift.print("RESULT " + String(decoding: json, as: UTF8.self))
        }
    }
}
