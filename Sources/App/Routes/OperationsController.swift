import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// Health, readiness, metrics and the OpenAPI description (outside `/api/v1`).
struct OperationsController: RouteCollection {
    struct HealthReport: Content {
        var status: String
        var timestamp: Date
        var services: [String: String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health).doc("Overall health with each dependency's state", auth: false)
        routes.get("health", "live", use: live).doc("Liveness: the process answers", auth: false)
        routes.get("health", "ready", use: ready).doc("Readiness: the database is reachable", auth: false)
        routes.get("metrics", use: metrics).doc("Prometheus metrics", auth: false)
        routes.get("openapi.json", use: openAPI).doc("This API's OpenAPI 3.1 description", auth: false)
    }

    /// `GET /health`
    @Sendable func health(req: Request) async throws -> Response {
        let database = await Self.databaseReachable(req)
        let report = HealthReport(
            status: database ? "ok" : "degraded", timestamp: req.now,
            services: ["database": database ? "ok" : "unreachable"])
        let response = try await report.encodeResponse(for: req)
        response.status = database ? .ok : .serviceUnavailable
        return response
    }

    /// `GET /health/live`
    @Sendable func live(req: Request) async throws -> HealthReport {
        HealthReport(status: "ok", timestamp: req.now, services: [:])
    }

    /// `GET /health/ready`
    @Sendable func ready(req: Request) async throws -> Response {
        try await health(req: req)
    }

    /// `GET /metrics`
    @Sendable func metrics(req: Request) async throws -> Response {
        Response(
            status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(string: req.application.requestMetrics.exposition()))
    }

    /// `GET /openapi.json`
    @Sendable func openAPI(req: Request) async throws -> Response {
        let document = OpenAPIDocument.build(routes: req.application.routes.all, version: PlatformVersion.current)
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: data))
    }

    static func databaseReachable(_ req: Request) async -> Bool {
        do {
            _ = try await req.db.sqlDatabase.raw("SELECT 1 AS ok").all()
            return true
        } catch {
            req.logger.error("database health check failed: \(error)")
            return false
        }
    }
}

/// The platform's release version.
enum PlatformVersion {
    static let current = "0.1.0"
}
