import BenchmarkSupport

/// The application under test on a fresh database, served on a local port (see `BenchmarkApp`).
typealias BenchmarkStore = BenchmarkApp

extension BenchmarkApp {
    static func open(_ options: BenchmarkOptions) async throws -> BenchmarkApp {
        guard let database = BenchmarkDatabase(rawValue: options.store.rawValue) else {
            throw BenchmarkError("--database \(options.store.rawValue) has no database to open")
        }
        return try await open(
            database, postgresURL: options.postgresURL, dataDirectory: options.dataDirectory, name: "matching-bench",
            arguments: ["matching-bench", "serve", "--hostname", "127.0.0.1", "--port", "0"])
    }
}
