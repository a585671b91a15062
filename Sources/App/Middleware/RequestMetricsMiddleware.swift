import Platform
import Vapor

/// Counts every request and its latency by route pattern and final status.
///
/// It holds the metrics itself rather than reading them from the application per request: a request still running
/// when the server's shutdown grace period ends must not find the application's storage already emptied.
struct RequestMetricsMiddleware: AsyncMiddleware {
    let metrics: RequestMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: req)
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.record(
            method: req.method.rawValue, route: route, status: response.status.code,
            duration: ContinuousClock.now - started)
        return response
    }
}
