import Platform
import Vapor

/// Counts every request and its latency by route pattern and final status.
struct RequestMetricsMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: req)
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        req.application.requestMetrics.record(
            method: req.method.rawValue, route: route, status: response.status.code,
            duration: ContinuousClock.now - started)
        return response
    }
}
