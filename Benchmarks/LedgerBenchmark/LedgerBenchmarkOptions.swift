import BenchmarkSupport
import Foundation

/// The command line of `ledger-bench`.
struct LedgerBenchmarkOptions {
    typealias Store = BenchmarkDatabase

    var store = Store.sqlite
    var postgresURL: String?
    /// Measured seconds per mode; every mode gets the same window so their rates compare.
    var seconds = 5.0
    /// Where the SQLite file goes (a fresh temporary directory when nil); removed afterwards.
    var dataDirectory: String?
    /// Only the modes whose names contain one of these (all when empty).
    var only: [String] = []
    /// Runs Swift Concurrency on NIO's event loops instead of its own thread pool: fewer thread hops per
    /// statement. A diagnostic; `p2p serve` does not do this.
    var nioExecutor = false

    static let usage = """
        Usage: ledger-bench [--database sqlite|postgres] [--postgres-url URL] [--seconds S] [--data-dir PATH]
                            [--only NAME[,NAME…]] [--nio-executor]

        Posts escrow-style transfers (a customer's payment held in a delivery's escrow, then released to the
        traveler's pending balance and the platform's revenue) through `Ledger.post` on a fresh, migrated
        database, in several modes one after the other for --seconds each: one transfer per transaction with
        1 to 16 concurrent posters, batches of 10 and 100 transfers per transaction, and concurrent callers
        whose single transfers `LedgerBatcher` commits together. After each mode it runs `LedgerAudit` and
        fails if an invariant is broken. Prints a table and one `RESULT {json}` line.
        PostgreSQL: --postgres-url, else DATABASE_URL; each run uses, then drops, its own schema.
        --nio-executor runs Swift Concurrency on NIO's event loops (fewer thread hops per statement; `p2p serve`
        does not), to tell how much of a transfer's time those hops take.
        """

    static func parse(_ arguments: [String]) throws -> LedgerBenchmarkOptions {
        var options = LedgerBenchmarkOptions()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchmarkError("\(name) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--database":
                let raw = try value(argument)
                guard let store = Store(rawValue: raw) else { throw BenchmarkError("unknown database \(raw)") }
                options.store = store
            case "--postgres-url": options.postgresURL = try value(argument)
            case "--seconds":
                guard let seconds = Double(try value(argument)), seconds > 0 else {
                    throw BenchmarkError("--seconds needs a positive number")
                }
                options.seconds = seconds
            case "--data-dir": options.dataDirectory = try value(argument)
            case "--only": options.only = try value(argument).split(separator: ",").map(String.init)
            case "--nio-executor": options.nioExecutor = true
            case "--help", "-h":
                print(usage)
                exit(0)
            default: throw BenchmarkError("unknown argument \(argument)")
            }
        }
        if options.store == .postgres, options.postgresURL == nil {
            options.postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
            guard options.postgresURL != nil else {
                throw BenchmarkError("--database postgres needs --postgres-url or DATABASE_URL")
            }
        }
        return options
    }
}
