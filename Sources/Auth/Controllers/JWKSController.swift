import Platform
import Vapor

/// Publishes the access-token verification keys, so gateways and other services verify tokens offline.
struct JWKSController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(".well-known", "jwks.json", use: jwks).doc(
            "Public keys that verify access tokens (JWKS)", auth: false)
    }

    /// `GET /.well-known/jwks.json`
    @Sendable func jwks(req: Request) async throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: req.authContext.keyRing.jwks(), options: [.sortedKeys])
        return Response(
            status: .ok,
            headers: ["Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=300"],
            body: .init(data: data))
    }
}
