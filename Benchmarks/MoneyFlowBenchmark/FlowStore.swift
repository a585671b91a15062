import BenchmarkSupport
import Vapor

/// The application under test, served on a local port (see `BenchmarkApp`).
typealias FlowStore = BenchmarkApp

extension BenchmarkApp {
    static func open(_ options: FlowOptions) async throws -> BenchmarkApp {
        try await open(
            options.store, postgresURL: options.postgresURL, dataDirectory: options.dataDirectory,
            name: "money-flow-bench",
            arguments: ["money-flow-bench", "serve", "--hostname", "127.0.0.1", "--port", "0"]
        ) { app in
            // The benchmark's own HTTP client: one connection per concurrent client instead of the default
            // eight, so that no request waits in the client for a connection.
            app.http.client.configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
                idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, options.lanes * 2))
        }
    }
}
