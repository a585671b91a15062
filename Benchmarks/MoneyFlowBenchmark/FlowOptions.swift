import BenchmarkSupport
import Foundation

/// The command line of `money-flow-bench`.
struct FlowOptions {
    typealias Store = BenchmarkDatabase

    var store = Store.sqlite
    var postgresURL: String?
    /// Concurrent clients of each measured level, one level after the other (each scanning the QR payload).
    var clients = [1, 4, 12]
    /// Flows per level: every level runs the same number, so their samples compare.
    var flows = 600
    /// Clients of one more level whose scans type the backup codes instead (0: none).
    var backupClients = 1
    /// Untimed flows before the first level: every connection, statement and account opened once.
    var warmUp = 40
    /// Seconds of `GET /health/ready` at each level's client count, the same-run reference.
    var referenceSeconds = 2.0
    /// PostgreSQL: flows walked one step at a time while `pg_stat_statements` records each step (0: none).
    var statementFlows = 0
    /// Seconds per QR operation measured in memory.
    var qrSeconds = 1.0
    /// Calls per QR operation measured through the services on the database (0: none).
    var qrServiceCalls = 300
    /// Only the in-memory QR operations: no database, no HTTP.
    var qrOnly = false
    var seed: UInt64 = 1
    /// Where the SQLite file goes (a fresh temporary directory when nil); removed afterwards.
    var dataDirectory: String?

    static let usage = """
        Usage: money-flow-bench [--database sqlite|postgres] [--postgres-url URL] [--clients N[,N…]] [--flows N]
                                [--backup-clients N] [--warm-up N] [--reference-seconds S]
                                [--statement-flows N] [--qr-seconds S] [--qr-service-calls N] [--qr-only]
                                [--seed N] [--data-dir PATH]

        Seeds members, trips, requests and pending offers straight into a fresh, migrated database, serves the
        application on a local port as `p2p serve` does, signs every member in once, then walks whole money
        flows over HTTP with N concurrent clients per level (--flows flows per level): the customer accepts an
        offer paying with pm_card_visa (sandbox provider: booking, payment, escrow hold, handoff codes), the
        traveler scans the pickup code, then the delivery code (the delivery is delivered, escrow released).
        Each level is preceded by --reference-seconds of GET /health/ready at the same client count, as a
        reference from the same minutes. --backup-clients adds a level whose scans type the backup codes.
        Afterwards it checks LedgerAudit, that every delivery ended delivered and that every escrow was
        released exactly once; it fails on any difference. --statement-flows (PostgreSQL, with pg_stat_statements
        preloaded) walks that many more flows one step at a time and reads the statements each step sent. Then QR codes: seal, symbol, PNG and SVG images, open
        and verify, in memory for --qr-seconds each, and the issue, image and verify services on the database
        for --qr-service-calls calls each. Prints tables and one `RESULT {json}` line.
        PostgreSQL: --postgres-url, else DATABASE_URL; each run uses, then drops, its own schema.
        """

    static func parse(_ arguments: [String]) throws -> FlowOptions {
        var options = FlowOptions()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchmarkError("\(name) needs a value") }
            return next
        }
        func count(_ name: String, minimum: Int = 0) throws -> Int {
            guard let number = Int(try value(name)), number >= minimum else {
                throw BenchmarkError("\(name) needs a whole number of at least \(minimum)")
            }
            return number
        }
        func seconds(_ name: String) throws -> Double {
            guard let number = Double(try value(name)), number > 0 else {
                throw BenchmarkError("\(name) needs a positive number")
            }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--database":
                let raw = try value(argument)
                guard let store = Store(rawValue: raw) else { throw BenchmarkError("unknown database \(raw)") }
                options.store = store
            case "--postgres-url": options.postgresURL = try value(argument)
            case "--clients":
                let list = try value(argument).split(separator: ",").map {
                    Int($0.trimmingCharacters(in: .whitespaces))
                }
                guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw BenchmarkError("--clients needs positive numbers separated by commas")
                }
                options.clients = list.compactMap { $0 }
            case "--flows": options.flows = try count(argument, minimum: 1)
            case "--backup-clients": options.backupClients = try count(argument)
            case "--warm-up": options.warmUp = try count(argument)
            case "--reference-seconds": options.referenceSeconds = try seconds(argument)
            case "--statement-flows": options.statementFlows = try count(argument)
            case "--qr-seconds": options.qrSeconds = try seconds(argument)
            case "--qr-service-calls": options.qrServiceCalls = try count(argument)
            case "--qr-only": options.qrOnly = true
            case "--seed": options.seed = UInt64(try count(argument))
            case "--data-dir": options.dataDirectory = try value(argument)
            case "--help", "-h":
                print(usage)
                exit(0)
            default: throw BenchmarkError("unknown argument \(argument)")
            }
        }
        guard options.lanes <= signInLimit - 2 else {
            throw BenchmarkError("at most \(signInLimit - 2) clients per level: every member signs in once")
        }
        if options.store == .postgres, options.postgresURL == nil {
            options.postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
            guard options.postgresURL != nil else {
                throw BenchmarkError("--database postgres needs --postgres-url or DATABASE_URL")
            }
        }
        return options
    }

    /// The batches to seed, in the order they are walked: the warm-up, the levels, the statement phase's flows.
    var batches: [FlowSeeder.BatchSpec] {
        var specs = [
            FlowSeeder.BatchSpec(name: "warm-up", role: .warmUp, count: warmUp, clients: lanes, scans: .qrCode)
        ]
        specs += clients.map { FlowSeeder.BatchSpec(name: "\($0) clients", count: flows, clients: $0, scans: .qrCode) }
        if backupClients > 0 {
            specs.append(
                FlowSeeder.BatchSpec(
                    name: "\(backupClients) clients, backup codes", count: flows, clients: backupClients,
                    scans: .backupCode))
        }
        if store == .postgres, statementFlows > 0 {
            specs.append(
                FlowSeeder.BatchSpec(
                    name: "statements", role: .statements, count: statementFlows, clients: 1, scans: .qrCode))
        }
        return specs
    }

    /// The most clients any level runs: as many lanes (a customer, a traveler, their trips) are seeded.
    var lanes: Int { max(clients.max() ?? 1, backupClients) }

    /// Every member signs in once, and sign-ins are limited per client address (30 per 15 minutes; every
    /// client here is 127.0.0.1): one customer per lane, and as many travelers as the limit leaves.
    static let signInLimit = 30
    var travelers: Int { min(lanes, Self.signInLimit - lanes) }
}
