import Foundation

/// The command line of `matching-bench`.
struct BenchmarkOptions {
    enum Store: String {
        /// Trips go straight into the index: the engine alone, for tuning the data set.
        case memory
        case sqlite
        case postgres
    }

    var trips = 10_000
    var store = Store.sqlite
    var postgresURL: String?
    var engineRequests = 5_000
    var httpRequests = 5_000
    var seed: UInt64 = 1
    var radiusKm = 50.0
    /// Also times the database steps of the HTTP route one by one.
    var steps = false
    /// Where the SQLite file goes (a fresh temporary directory when nil); removed afterwards.
    var dataDirectory: String?

    static let usage = """
        Usage: matching-bench [--trips N] [--database sqlite|postgres|memory] [--postgres-url URL]
                              [--requests N] [--http-requests N] [--seed N] [--radius KM] [--data-dir PATH]
                              [--steps]

        Seeds N upcoming public trips into a fresh database, loads the matching index from it, then times the
        matching engine over --requests random requests and POST /delivery-requests/{id}/find-matches against
        the application served on a local port over --http-requests requests. Prints a summary and one
        `RESULT {json}` line. `--database memory` skips the database and the HTTP part (engine only).
        `--steps` also times the route's database steps
        one by one.
        """

    static func parse(_ arguments: [String]) throws -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw OptionError("\(name) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--trips": options.trips = try Self.count(value(argument), argument)
            case "--database":
                let raw = try value(argument)
                guard let store = Store(rawValue: raw) else { throw OptionError("unknown database \(raw)") }
                options.store = store
            case "--postgres-url": options.postgresURL = try value(argument)
            case "--requests": options.engineRequests = try Self.count(value(argument), argument)
            case "--http-requests": options.httpRequests = try Self.count(value(argument), argument)
            case "--seed": options.seed = UInt64(try Self.count(value(argument), argument))
            case "--radius":
                guard let radius = Double(try value(argument)), radius > 0 else { throw OptionError("bad --radius") }
                options.radiusKm = radius
            case "--data-dir": options.dataDirectory = try value(argument)
            case "--steps": options.steps = true
            case "--help", "-h":
                print(usage)
                exit(0)
            default: throw OptionError("unknown argument \(argument)")
            }
        }
        if options.store == .postgres, options.postgresURL == nil {
            options.postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
            guard options.postgresURL != nil else { throw OptionError("--database postgres needs --postgres-url") }
        }
        return options
    }

    /// Accepts `1000000`, `100k`, `1m`.
    private static func count(_ text: String, _ name: String) throws -> Int {
        let lower = text.lowercased()
        let (digits, factor) =
            lower.hasSuffix("k")
            ? (lower.dropLast(), 1_000) : lower.hasSuffix("m") ? (lower.dropLast(), 1_000_000) : (lower[...], 1)
        guard let value = Int(digits), value >= 0 else { throw OptionError("\(name) needs a number, got \(text)") }
        return value * factor
    }
}

struct OptionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
