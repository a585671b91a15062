import Foundation
import Platform
import Vapor

/// Builds the OpenAPI 3.1 description of every registered route from the routes themselves, so the document
/// cannot fall behind the code: a route without `doc(_:)` is listed in `undocumented` (and a test fails).
enum OpenAPIDocument {
    static func build(routes: [Route], version: String) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            let path = "/" + route.path.map(pathComponent).joined(separator: "/")
            paths[path, default: [:]][route.method.rawValue.lowercased()] = operation(for: route)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "P2P Delivery Platform API",
                "version": version,
                "description": "Travelers sell spare luggage capacity; customers pay them to carry items.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
                "schemas": ["Error": errorSchema],
            ],
        ]
    }

    /// Routes that carry no documentation.
    static func undocumented(_ routes: [Route]) -> [String] {
        routes.filter { $0.routeDoc == nil }.map {
            "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/")
        }
    }

    private static func pathComponent(_ component: PathComponent) -> String {
        switch component {
        case .constant(let value): value
        case .parameter(let name): "{\(name)}"
        case .anything: "{any}"
        case .catchall: "{path}"
        }
    }

    private static func operation(for route: Route) -> [String: Any] {
        let doc = route.routeDoc
        let segments = route.path.compactMap { component -> String? in
            if case .constant(let value) = component { return value }
            return nil
        }
        let tag = segments.count > 2 && segments[0] == "api" ? segments[2] : (segments.first ?? "platform")
        var operation: [String: Any] = [
            "summary": doc?.summary ?? "",
            "tags": [tag],
            "operationId": route.method.rawValue.lowercased() + "_"
                + route.path.map { $0.description.replacingOccurrences(of: ":", with: "by_") }.joined(separator: "_"),
            "responses": responses(successStatus: doc?.successStatus ?? 200, auth: doc?.requiresAuth ?? false),
        ]
        let parameters = route.path.compactMap { component -> [String: Any]? in
            guard case .parameter(let name) = component else { return nil }
            return ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
        }
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if doc?.requiresAuth == true { operation["security"] = [["bearerAuth": [String]()]] }
        if let body = doc?.requestBody {
            operation["requestBody"] = [
                "required": true,
                "content": ["application/json": ["schema": SchemaRecorder.schema(for: body)]],
            ]
        }
        return operation
    }

    private static func responses(successStatus: Int, auth: Bool) -> [String: Any] {
        let error: [String: Any] = [
            "description": "Error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        var responses: [String: Any] = [String(successStatus): ["description": "Success"], "422": error, "500": error]
        if auth {
            responses["401"] = error
            responses["403"] = error
        }
        return responses
    }

    private static var errorSchema: [String: Any] {
        [
            "type": "object",
            "required": ["success", "message", "errors", "code", "timestamp", "requestId"],
            "properties": [
                "success": ["type": "boolean", "const": false],
                "message": ["type": "string"],
                "errors": ["type": "array", "items": ["type": "string"]],
                "code": ["type": "string"],
                "timestamp": ["type": "string", "format": "date-time"],
                "requestId": ["type": "string"],
            ],
        ]
    }
}
