import App
import BenchmarkSupport
import Deliveries
import DemoData
import Fluent
import Foundation
import Platform
import SQLKit
import Trips
import Vapor

/// `matching-bench`: seeds trips, loads the matching index, times the engine and the HTTP route.
@main
enum MatchingBenchmark {
    static func main() async {
        BenchmarkLogging.bootstrap()
        do {
            let options = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
            let report = try await options.store == .memory ? runInMemory(options) : runOnDatabase(options)
            report.print()
        } catch {
            FileHandle.standardError.write(Data("matching-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Engine only: plans go straight into an index, no database.
    static func runInMemory(_ options: BenchmarkOptions) async throws -> BenchmarkReport {
        var generator = SeededGenerator(seed: options.seed)
        let workload = try Workload(now: Date())
        let travelers = workload.travelers(for: options.trips, using: &generator)
        let index = TripIndex()
        let before = ProcessMemory.residentMiB
        let started = DispatchTime.now().uptimeNanoseconds
        var written = 0
        while written < options.trips {
            let plans = workload.tripPlans(
                min(TripSeeder.batch, options.trips - written), travelers: travelers, using: &generator)
            index.upsert(plans.map(TripIndexEntry.init(plan:)))
            written += plans.count
        }
        // Ratings live in `user_statistics`: without a database every traveler scores as unrated.
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var report = BenchmarkReport(options: options, travelers: travelers.count)
        report.indexLoadSeconds = loadSeconds
        report.rssBeforeMiB = before
        report.rssAfterMiB = ProcessMemory.residentMiB
        report.engine = EnginePhase(index: index, radiusKm: options.radiusKm).run(
            criteria(workload.requestPlans(options.engineRequests, using: &generator), options: options))
        return report
    }

    static func runOnDatabase(_ options: BenchmarkOptions) async throws -> BenchmarkReport {
        var generator = SeededGenerator(seed: options.seed)
        let workload = try Workload(now: Date())
        let store = try await BenchmarkStore.open(options)
        let app = store.app
        do {
            var report = BenchmarkReport(options: options, travelers: 0)
            let password = "Bench!Passw0rd"
            let hash = try await app.password.async.hash(password)
            let seedStart = DispatchTime.now().uptimeNanoseconds
            let travelers = try await TripSeeder(workload: workload, db: app.db, passwordHash: hash)
                .seed(trips: options.trips, using: &generator)
            report.travelers = travelers.count
            report.seedSeconds = Double(DispatchTime.now().uptimeNanoseconds - seedStart) / 1e9

            let customer = DemoPerson.make(
                index: 0, userType: .customer, tag: "benchcustomer", city: nil, rated: false, using: &generator)
            try await MemberRowWriter.insert([customer], passwordHash: hash, statistics: false, at: Date(), on: app.db)

            let index = app.tripIndex
            report.rssBeforeMiB = ProcessMemory.residentMiB
            let loadStart = DispatchTime.now().uptimeNanoseconds
            try await index.refresh(on: app.db)
            report.indexLoadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
            report.rssAfterMiB = ProcessMemory.residentMiB
            report.indexed = index.count

            let enginePlans = workload.requestPlans(options.engineRequests, using: &generator)
            report.engine = EnginePhase(index: index, radiusKm: options.radiusKm).run(
                criteria(enginePlans, options: options, customerId: customer.id))

            let httpPlans = workload.requestPlans(options.httpRequests + HTTPPhase.warmUp, using: &generator)
            try await app.db.transaction { tx in
                for plan in httpPlans {
                    try await plan.makeRequest(customerId: customer.id, contact: customer.firstName, now: Date())
                        .create(on: tx)
                }
            }
            if options.steps {
                let matched = criteria(enginePlans.prefix(100).map { $0 }, options: options, customerId: customer.id)
                    .map { MatchingEngine().matches($0, in: index) }.first { $0.count == MatchingEngine.defaultLimit }
                report.steps = try await StepsPhase(app: app, index: index).run(
                    requestId: httpPlans[0].id, customerId: customer.id, matched: matched?.map(\.trip) ?? [])
            }
            let port = try await store.serve()
            report.http = try await HTTPPhase(app: app, port: port).run(
                requestIds: httpPlans.map(\.id), email: customer.email, password: password)
            try await store.close()
            return report
        } catch {
            try? await store.close()
            throw error
        }
    }

    static func criteria(
        _ plans: [RequestPlan], options: BenchmarkOptions, customerId: UUID = UUID()
    ) -> [MatchCriteria] {
        plans.map {
            MatchCriteria(
                $0.makeRequest(customerId: customerId, contact: "Bench", now: Date()), radiusKm: options.radiusKm,
                excluded: [customerId], preferred: [])
        }
    }
}
