import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Route catalogue and OpenAPI")
struct RouteCatalogueTests {
    /// Routes of the catalogue that belong to a later issue, with the reason.
    static let deferred: Set<String> = []

    /// Modules whose routes must all exist.
    static let implementedModules: Set<String> = ["auth", "users", "trips", "deliveries"]

    static func catalogue() throws -> [(module: String, route: String)] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/reference/routes.tsv").standardized
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 3 else { return nil }
            return (String(columns[0]), "\(columns[1]) \(columns[2])")
        }
    }

    static func registered(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.map { route in
                let path = route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            })
    }

    @Test("every catalogue route of the implemented modules is registered")
    func catalogueCovered() async throws {
        try await withTestApp { t in
            let registered = Self.registered(t.app)
            let missing = try Self.catalogue()
                .filter { Self.implementedModules.contains($0.module) && !Self.deferred.contains($0.route) }
                .map(\.route).filter { !registered.contains($0) }
            #expect(missing.isEmpty, "missing routes: \(missing)")
        }
    }

    @Test("openapi.json documents every registered route")
    func openAPICoversRoutes() async throws {
        try await withTestApp { t in
            let response = try await t.request(.GET, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"] as? String == "3.1.0")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let summary = (operation as? [String: Any])?["summary"] as? String ?? ""
                    if !summary.isEmpty { documented.insert("\(method.uppercased()) \(path)") }
                }
            }
            let undocumented = Self.registered(t.app).subtracting(documented)
            #expect(undocumented.isEmpty, "routes without documentation: \(undocumented.sorted())")
        }
    }

    @Test("request bodies are described from the DTOs, optional fields not required")
    func requestSchemas() async throws {
        try await withTestApp { t in
            let response = try await t.request(.GET, "/openapi.json")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            let register = try #require(paths["/api/v1/auth/register"]?["post"] as? [String: Any])
            let body = try #require(register["requestBody"] as? [String: Any])
            let schema = try #require(
                ((body["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                    as? [String: Any])
            let required = Set(schema["required"] as? [String] ?? [])
            #expect(required.isSuperset(of: ["email", "password", "confirmPassword", "userType", "acceptedTerms"]))
            #expect(!required.contains("phoneNumber") && !required.contains("referralCode"))
            let properties = try #require(schema["properties"] as? [String: [String: Any]])
            #expect(
                properties["userType"]?["enum"] as? [String] == [
                    "customer", "traveler", "both", "admin", "super_admin",
                ])
            let sessions = try #require(paths["/api/v1/auth/sessions/{sessionId}"]?["delete"] as? [String: Any])
            #expect((sessions["security"] as? [[String: [String]]])?.first?["bearerAuth"] != nil)
        }
    }
}
