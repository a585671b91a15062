import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Users: route surface")
struct RouteSurfaceTests {
    /// Every route of the Users module, as `METHOD /path` with `{parameter}` placeholders.
    static let expected: Set<String> = [
        "GET /api/v1/users/me", "PUT /api/v1/users/me", "DELETE /api/v1/users/me",
        "POST /api/v1/users/profile", "PUT /api/v1/users/profile", "GET /api/v1/users/{userId}",
        "POST /api/v1/users/me/profile-picture", "DELETE /api/v1/users/me/profile-picture",
        "GET /api/v1/users/{userId}/profile-picture",
        "GET /api/v1/users/me/statistics", "GET /api/v1/users/{userId}/statistics", "GET /api/v1/users/me/activity",
        "GET /api/v1/users/me/addresses", "POST /api/v1/users/me/addresses", "POST /api/v1/users/addresses",
        "PUT /api/v1/users/me/addresses/{addressId}", "DELETE /api/v1/users/me/addresses/{addressId}",
        "POST /api/v1/users/me/addresses/{addressId}/default",
        "POST /api/v1/users/geocode", "GET /api/v1/users/reverse-geocode", "POST /api/v1/users/validate-address",
        "GET /api/v1/users/nearby-addresses",
        "GET /api/v1/users/me/preferences", "PUT /api/v1/users/me/notifications",
        "GET /api/v1/users/me/preferences/{category}/{setting}",
        "PUT /api/v1/users/me/preferences/{category}/{setting}",
        "POST /api/v1/users/me/preferences/reset",
        "POST /api/v1/users/me/verify-phone", "POST /api/v1/users/me/verify-phone/confirm",
        "GET /api/v1/users/me/verification/status", "POST /api/v1/users/me/verify-identity",
        "POST /api/v1/users/verification/documents", "POST /api/v1/users/me/verification/resubmit",
        "GET /api/v1/users/verification/pending", "GET /api/v1/users/verification/statistics",
        "POST /api/v1/users/verification/{verificationId}/approve",
        "POST /api/v1/users/verification/{verificationId}/reject",
        "GET /api/v1/users/verification/{verificationId}/images/{side}",
        "POST /api/v1/users/me/blocked-users", "POST /api/v1/users/block/{userId}",
        "DELETE /api/v1/users/me/blocked-users/{userId}", "GET /api/v1/users/me/blocked-users",
        "POST /api/v1/users/me/favorites", "POST /api/v1/users/favorites/{travelerId}",
        "DELETE /api/v1/users/me/favorites/{userId}", "GET /api/v1/users/me/favorites",
        "POST /api/v1/users/reports", "GET /api/v1/users/reports", "PUT /api/v1/users/reports/{reportId}",
        "GET /api/v1/users",
        "POST /api/v1/users/reviews", "POST /api/v1/users/reviews/{reviewId}/response",
        "POST /api/v1/users/reviews/{reviewId}/report", "POST /api/v1/users/reviews/{reviewId}/vote",
        "GET /api/v1/users/{userId}/reviews",
    ]

    @Test("every Users route is registered and documented, and nothing else lives under /users")
    func surface() async throws {
        try await withTestApp { t in
            var registered: [String: Bool] = [:]
            for route in t.app.routes.all {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                guard path == "/api/v1/users" || path.hasPrefix("/api/v1/users/") else { continue }
                registered["\(route.method.rawValue) \(path)"] = route.routeDoc != nil
            }
            #expect(Set(registered.keys) == Self.expected)
            #expect(
                registered.filter { !$0.value }.isEmpty,
                "undocumented: \(registered.filter { !$0.value }.keys.sorted())")
        }
    }
}
