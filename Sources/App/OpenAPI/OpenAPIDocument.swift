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
                "schemas": ["Error": errorSchema, "CleanJSON": TextPattern.cleanJSONSchema],
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
            "responses": responses(for: route),
        ]
        var parameters = route.path.compactMap { component -> [String: Any]? in
            guard case .parameter(let name) = component else { return nil }
            return ["name": name, "in": "path", "required": true, "schema": pathParameterSchema(name)]
        }
        for (name, rule) in (doc?.queryParameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            var parameter: [String: Any] = [
                "name": name, "in": "query", "required": rule.isRequired, "schema": rule.querySchema,
            ]
            if let description = rule.description { parameter["description"] = description }
            parameters.append(parameter)
        }
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if doc?.requiresAuth == true { operation["security"] = [["bearerAuth": [String]()]] }
        if let doc, let body = doc.requestBody {
            let isForm = SchemaRecorder.carriesFiles(body)
            var schema = SchemaRecorder.schema(for: body, requiring: doc.requiredFields, rules: doc.fieldRules)
            if isForm {
                // A form's other parts are ignored, but their names are read as paths: brackets nest
                // (`a[b]`, `a[]`) and an empty name appends, so such names are no plain extra part.
                schema["additionalProperties"] = nil
                schema["propertyNames"] = ["pattern": "^[^\\[\\]]+$"]
            }
            operation["requestBody"] = [
                "required": !doc.bodyIsOptional,
                "content": [(isForm ? "multipart/form-data" : "application/json"): ["schema": schema]],
            ]
        }
        return operation
    }

    /// Parameters named `…Id` are record ids, UUIDs; others (a share token, a preference category) are text.
    private static func pathParameterSchema(_ name: String) -> [String: Any] {
        name.hasSuffix("Id") ? ["type": "string", "format": "uuid"] : ["type": "string", "pattern": "^[^/]+$"]
    }

    private static func responses(for route: Route) -> [String: Any] {
        let error: [String: Any] = [
            "description": "Error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        var responses: [String: Any] = [:]
        for status in errorStatuses(of: route) {
            responses[String(status)] = error
        }
        responses[String(route.routeDoc?.successStatus ?? 200)] = ["description": "Success"]
        return responses
    }

    /// The error statuses a route can answer, from its shape: every route can meet a malformed query (400),
    /// a present but invalid token (401), a rule it breaks (422), a busy database (503) or a fault (500);
    /// signed-in routes a missing role (403); routes naming a record one that does not exist (404); changes
    /// a state that no longer allows them (409); bodies an unreadable, oversized or mistyped one (400, 413,
    /// 415). Routes add what their shape does not imply, such as 429 where a rate limit applies.
    static func errorStatuses(of route: Route) -> [Int] {
        let doc = route.routeDoc
        var statuses: Set<Int> = [400, 401, 422, 500, 503]
        if doc?.requiresAuth == true { statuses.insert(403) }
        let namesRecord = route.path.contains { if case .parameter = $0 { true } else { false } }
        if namesRecord || doc?.requestBody != nil { statuses.insert(404) }
        if [.POST, .PUT, .PATCH, .DELETE].contains(route.method) { statuses.insert(409) }
        if doc?.requestBody != nil { statuses.formUnion([413, 415]) }
        statuses.formUnion(doc?.extraStatuses ?? [])
        return statuses.sorted()
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
