import DemoData
import Fluent
import Foundation
import Platform
import Trips

/// Fills a fresh database with the workload's travelers and trips, in large transactions.
struct TripSeeder {
    static let batch = 20_000

    let workload: Workload
    let db: any Database
    let passwordHash: String

    /// Returns the travelers written.
    func seed(trips count: Int, using generator: inout SeededGenerator) async throws -> [DemoPerson] {
        let progress = TerminalProgressBar()
        let travelers = workload.travelers(for: count, using: &generator)
        let now = workload.now
        for start in stride(from: 0, to: travelers.count, by: Self.batch) {
            let slice = Array(travelers[start..<min(travelers.count, start + Self.batch)])
            try await db.transaction { tx in
                try await MemberRowWriter.insert(slice, passwordHash: passwordHash, statistics: true, at: now, on: tx)
            }
            progress.show(start + slice.count, of: travelers.count, "travelers")
        }
        var written = 0
        while written < count {
            let plans = workload.tripPlans(min(Self.batch, count - written), travelers: travelers, using: &generator)
            try await db.transaction { tx in try await TripRowWriter.insert(plans, at: now, on: tx) }
            written += plans.count
            progress.show(written, of: count, "trips")
        }
        return travelers
    }
}
