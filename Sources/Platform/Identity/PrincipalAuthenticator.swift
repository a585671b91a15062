import Vapor

/// Reads `Authorization: Bearer …`, verifies it and logs the principal in.
///
/// No token leaves the request anonymous. A token that is present but bad (expired, revoked, forged) is a 401
/// with its reason (`TOKEN_EXPIRED`, `INVALID_TOKEN`, `SESSION_REVOKED`) on every route, public ones included:
/// a caller who meant to act as someone must learn at once that it does not, rather than get an anonymous
/// answer it may take for its own.
public struct PrincipalAuthenticator: AsyncMiddleware {
    public init() {}

    public func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            guard let verifier = req.application.accessTokenVerifier else {
                throw APIError(
                    .serviceUnavailable, code: "AUTH_UNAVAILABLE", reason: "Authentication is not configured")
            }
            let principal = try await verifier.verify(bearer.token, context: req.callContext)
            req.auth.login(principal)
            req.logger[metadataKey: "user_id"] = .string(principal.userId.uuidString)
        }
        return try await next.respond(to: req)
    }
}

/// Rejects anonymous requests with 401, and callers whose type is not allowed with 403.
public struct RoleGuard: AsyncMiddleware {
    private let allowed: Set<UserType>?

    /// Any authenticated user.
    public static let authenticated = RoleGuard(allowed: nil)
    /// Admins and super admins.
    public static let admin = RoleGuard(allowed: [.admin, .superAdmin])
    /// Super admins only.
    public static let superAdmin = RoleGuard(allowed: [.superAdmin])
    /// Users who may act as travelers (and admins).
    public static let traveler = RoleGuard(allowed: [.traveler, .both, .admin, .superAdmin])
    /// Users who may send items (and admins).
    public static let customer = RoleGuard(allowed: [.customer, .both, .admin, .superAdmin])

    public init(allowed: Set<UserType>?) {
        self.allowed = allowed
    }

    public func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let principal = try req.principal
        if let allowed, !allowed.contains(principal.userType) {
            throw APIError.forbidden(
                "This action requires one of the roles: "
                    + allowed.map(\.rawValue).sorted().joined(separator: ", "))
        }
        return try await next.respond(to: req)
    }
}
