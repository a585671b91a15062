import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Route catalogue and OpenAPI")
struct RouteCatalogueTests {
    /// Routes of the catalogue that belong to a later issue, with the reason.
    static let deferred: Set<String> = []

    /// Modules whose routes must all exist.
    static let implementedModules: Set<String> = ["auth", "users", "trips", "deliveries", "payments", "qr-codes"]

    /// Rows of modules not yet whole that must exist already: the admin's dispute and manual payout routes
    /// came with the money.
    static let implementedRoutes: Set<String> = [
        "GET /api/v1/admin/disputes", "GET /api/v1/admin/disputes/{disputeId}",
        "PUT /api/v1/admin/disputes/{disputeId}/assign", "PUT /api/v1/admin/disputes/{disputeId}/resolve",
        "POST /api/v1/admin/disputes", "POST /api/v1/admin/finance/payouts/manual",
    ]

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
                .filter {
                    (Self.implementedModules.contains($0.module) || Self.implementedRoutes.contains($0.route))
                        && !Self.deferred.contains($0.route)
                }
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
            #expect(properties["userType"]?["enum"] as? [String] == ["customer", "traveler", "both"])
            #expect(properties["firstName"]?["description"] as? String == "1 to 100 characters once trimmed")
            let sessions = try #require(paths["/api/v1/auth/sessions/{sessionId}"]?["delete"] as? [String: Any])
            #expect((sessions["security"] as? [[String: [String]]])?.first?["bearerAuth"] != nil)
        }
    }

    @Test("each operation states its error statuses, media type, whether its body is required and its id format")
    func operationContracts() async throws {
        try await withTestApp { t in
            let paths = try #require(
                try await t.request(.GET, "/openapi.json").json["paths"] as? [String: [String: Any]])
            func operation(_ method: String, _ path: String) throws -> [String: Any] {
                try #require(paths[path]?[method] as? [String: Any], "\(method) \(path)")
            }
            func statuses(_ method: String, _ path: String) throws -> Set<String> {
                Set(((try operation(method, path))["responses"] as? [String: Any] ?? [:]).keys)
            }
            #expect(
                try statuses("post", "/api/v1/auth/login").isSuperset(of: ["200", "400", "401", "415", "422", "429"]))
            #expect(!(try statuses("get", "/api/v1/trips/search")).contains("409"), "a read conflicts with nothing")
            #expect(try statuses("put", "/api/v1/trips/{tripId}").isSuperset(of: ["403", "404", "409", "413"]))
            #expect(try statuses("get", "/health").isSuperset(of: ["400", "401", "500", "503"]))

            for upload in [
                "/api/v1/users/me/profile-picture", "/api/v1/users/me/verify-identity",
                "/api/v1/users/verification/documents", "/api/v1/users/me/verification/resubmit",
            ] {
                let content = try #require((try operation("post", upload))["requestBody"] as? [String: Any])["content"]
                #expect((content as? [String: Any])?.keys.sorted() == ["multipart/form-data"], "\(upload)")
            }
            let picture = try operation("post", "/api/v1/users/me/profile-picture")
            let form =
                (((picture["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["multipart/form-data"]
                as? [String: Any])?["schema"] as? [String: Any]
            #expect((form?["properties"] as? [String: [String: Any]])?["file"]?["format"] as? String == "binary")

            let decline = try #require(
                (try operation("post", "/api/v1/offers/{offerId}/decline"))["requestBody"] as? [String: Any])
            #expect(decline["required"] as? Bool == false, "a decline's body may be left out")
            let cancel = try #require(
                (try operation("post", "/api/v1/deliveries/{deliveryId}/cancel"))["requestBody"] as? [String: Any])
            #expect(cancel["required"] as? Bool == true)
            let cancelSchema =
                ((cancel["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                as? [String: Any]
            #expect(cancelSchema?["required"] as? [String] == ["reason"])

            let parameters = (try operation("get", "/api/v1/trips/{tripId}"))["parameters"] as? [[String: Any]]
            #expect((parameters?.first?["schema"] as? [String: Any])?["format"] as? String == "uuid")
        }
    }
}
