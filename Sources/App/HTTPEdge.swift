import Platform
import Vapor

/// The HTTP edge: what every request passes through before a module sees it, and how the server treats
/// connections. Wired once by `configure`; docs/ARCHITECTURE.md ("The HTTP edge") records the decisions.
enum HTTPEdge {
    static func configure(_ app: Application, config: PlatformConfig) throws {
        app.trustedProxies = try TrustedProxies(config.trustedProxies)
        app.publicAddress = try PublicAddress(configured: config.publicURL)

        // Outermost first. The id exists before anything logs; metrics see every final status; security
        // headers go on every answer, errors too, so they wrap the error renderer.
        app.middleware = Middlewares()
        app.middleware.use(RequestIdMiddleware())
        app.middleware.use(RequestMetricsMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(APIErrorMiddleware())
        app.middleware.use(PrincipalAuthenticator())
    }
}
