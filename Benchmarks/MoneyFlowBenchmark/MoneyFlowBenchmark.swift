import BenchmarkSupport
import Foundation
import Logging
import Platform

/// `money-flow-bench`: whole money flows over HTTP (accept with payment, pickup scan, delivery scan with the
/// escrow's release) at several client counts beside a same-run reference, the invariants checked afterwards,
/// and the QR codes' sealing, images and verification, in memory and through the services.
@main
enum MoneyFlowBenchmark {
    static func main() async {
        BenchmarkLogging.bootstrap()
        do {
            let options = try FlowOptions.parse(Array(CommandLine.arguments.dropFirst()))
            var report =
                options.qrOnly
                ? FlowReport(machine: .processorOnly, flowsPerLevel: 0, warmUpFlows: 0, referenceSeconds: 0)
                : try await runFlows(options)
            progress("QR in memory, \(options.qrSeconds) s per operation")
            report.qrMemory = try QRMemoryPhase(seconds: options.qrSeconds).run()
            report.print()
        } catch {
            FileHandle.standardError.write(Data("money-flow-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func runFlows(_ options: FlowOptions) async throws -> FlowReport {
        let store = try await FlowStore.open(options)
        do {
            let report = try await runFlows(options, store: store)
            try await store.close()
            return report
        } catch {
            try? await store.close()
            throw error
        }
    }

    private static func runFlows(_ options: FlowOptions, store: FlowStore) async throws -> FlowReport {
        let app = store.app
        var report = FlowReport(
            machine: try await MachineFacts.gather(store: options.store, db: app.db), flowsPerLevel: options.flows,
            warmUpFlows: options.warmUp, referenceSeconds: options.referenceSeconds)
        let seeder = FlowSeeder(app: app, seed: options.seed)
        let seedStart = MonotonicClock.now
        let members = try await seeder.seedMembers(lanes: options.lanes, travelers: options.travelers)
        let batches = try await seeder.seedBatches(options.batches, members: members)
        report.seedSeconds = MonotonicClock.seconds(since: seedStart)
        report.seededFlows = batches.reduce(0) { $0 + $1.count }
        progress(String(format: "seeded %d flows in %.1f s", report.seededFlows, report.seedSeconds))

        let port = try await store.serve()
        let client = FlowClient(app: app, port: port)
        let walker = try await FlowWalker.signIn(members, through: client)
        let probe = ReferenceProbe(client: client)
        var booked = Set<UUID>()
        let audit = FlowAudit(db: app.db)
        var before: [String: Int] = [:]
        var measured = 0
        for batch in batches where batch.role != .statements {
            guard batch.role == .level else {
                booked.formUnion(try await walker.walk(batch).samples.map(\.deliveryId))
                _ = try await probe.run(clients: batch.clients, seconds: min(1, options.referenceSeconds))
                before = try await audit.rowCounts()
                continue
            }
            let load = MachineFacts.loadAverage
            let reference = try await probe.run(clients: batch.clients, seconds: options.referenceSeconds)
            let walked = try await walker.walk(batch)
            booked.formUnion(walked.samples.map(\.deliveryId))
            measured += walked.samples.count
            let level = LevelResult(batch: batch, walked: walked, reference: reference, loadAverage: load)
            progress(String(format: "%@: %.1f flows/s", batch.name, level.flowsPerSecond))
            report.add(level)
        }
        report.rowsPerFlow = FlowAudit.rowsPerFlow(before: before, after: try await audit.rowCounts(), flows: measured)
        if let batch = batches.first(where: { $0.role == .statements }) {
            if await StatementPhase.start(on: app.db) {
                progress("statements of \(batch.count) flows, one step at a time")
                let walked = try await StatementPhase(db: app.db, walker: walker).run(batch)
                try await StatementPhase.stop(on: app.db)
                report.statements = walked.steps
                booked.formUnion(walked.booked)
            } else {
                progress("pg_stat_statements is not loaded: no statement figures (and their flows stay unbooked)")
                report.statementsSkipped = true
            }
        }
        report.audit = try await audit.check(booked: booked)
        if options.qrServiceCalls > 0 {
            progress("QR services, \(options.qrServiceCalls) calls each")
            report.qrServices = try await QRServicePhase(
                app: app, holder: members.customers[0].id, scanner: members.travelers[0].id
            ).run(calls: options.qrServiceCalls)
        }
        return report
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("money-flow-bench: \(line)\n".utf8))
    }
}
