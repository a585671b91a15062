import NIOCore
import Platform
import Vapor

/// The HTTP edge: what every request passes through before a module sees it, and how the server treats
/// connections. Wired once by `configure`; docs/ARCHITECTURE.md ("The HTTP edge") records the decisions.
enum HTTPEdge {
    static func configure(_ app: Application, config: PlatformConfig) throws {
        app.trustedProxies = try TrustedProxies(config.trustedProxies)
        app.publicAddress = try PublicAddress(configured: config.publicURL)
        app.http.server.configuration.idleTimeout = idleTimeout(seconds: config.idleTimeoutSeconds)
        _ = strictJSONInstalled
        let crossOrigin = try CrossOriginPolicy(origins: config.corsOrigins)

        // Outermost first. The id exists before anything logs; metrics see every final status, preflights
        // included; security and CORS headers go on every answer, errors too, so both wrap the error renderer;
        // the 405 check sits inside it so that what it throws is rendered like any other error.
        app.middleware = Middlewares()
        app.middleware.use(RequestIdMiddleware())
        app.middleware.use(RequestMetricsMiddleware(metrics: app.requestMetrics))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(CrossOriginMiddleware(policy: crossOrigin))
        app.middleware.use(APIErrorMiddleware())
        app.middleware.use(MethodNotAllowedMiddleware(index: RouteMethodIndex(routes: app.routes)))
        app.middleware.use(PrincipalAuthenticator())
    }

    /// nil (never close) for 0; whole milliseconds otherwise, so tests can use a fraction of a second.
    static func idleTimeout(seconds: Double) -> TimeAmount? {
        seconds > 0 ? .milliseconds(Int64((seconds * 1000).rounded())) : nil
    }

    /// `ContentConfiguration.global` is process-wide: set it once, before the first application of the process
    /// answers a request, rather than race parallel test applications over it.
    private static let strictJSONInstalled: Void = {
        ContentConfiguration.global.use(decoder: StrictJSONDecoder(), for: .json)
        ContentConfiguration.global.use(decoder: StrictJSONDecoder(), for: .jsonAPI)
        ContentConfiguration.global.use(decoder: GuardedFormDataDecoder(), for: .formData)
    }()
}
