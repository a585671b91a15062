import BenchmarkSupport

/// The application on a fresh database, without an HTTP server: the benchmark calls the ledger directly
/// (see `BenchmarkApp`).
typealias LedgerBenchmarkStore = BenchmarkApp

extension BenchmarkApp {
    /// Connections per event loop: enough that 16 concurrent posters never wait for one.
    static let poolSizePerEventLoop = 16

    static func open(_ options: LedgerBenchmarkOptions) async throws -> BenchmarkApp {
        try await open(
            options.store, postgresURL: options.postgresURL, dataDirectory: options.dataDirectory,
            name: "ledger-bench", arguments: ["ledger-bench"], poolSize: poolSizePerEventLoop)
    }
}
