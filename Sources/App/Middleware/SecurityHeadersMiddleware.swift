import Platform
import Vapor

/// Headers that keep API answers out of places they do not belong: browsers' content sniffing, other sites'
/// referrer logs, shared caches, and plain HTTP once a client has reached us over TLS.
///
/// Cache policy: an answer to a request carrying credentials (`Authorization` or `Cookie`) is `no-store` unless
/// its route chose a `private` policy itself (profile pictures): a shared cache must never keep what one
/// member's credentials unlocked. Any other answer without a `Cache-Control` of its own is `no-store` as well,
/// because most answers are about someone; routes that serve the same bytes to everyone (the JWKS) set theirs.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// One year, without `includeSubDomains`: the platform cannot speak for other hosts under its domain.
    static let strictTransportSecurity = "max-age=31536000"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        if let policy = Self.cacheControl(request: req.headers, response: response.headers) {
            response.headers.replaceOrAdd(name: .cacheControl, value: policy)
        }
        if req.clientUsesTLS {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: Self.strictTransportSecurity)
        }
        return response
    }

    /// The `Cache-Control` to set, or nil to keep the route's own.
    static func cacheControl(request: HTTPHeaders, response: HTTPHeaders) -> String? {
        let own = response[.cacheControl].joined(separator: ",").lowercased()
        guard !own.isEmpty else { return "no-store" }
        let credentialed = request.contains(name: .authorization) || request.contains(name: .cookie)
        let isPrivate = own.split(separator: ",").contains {
            let directive = $0.trimmingCharacters(in: .whitespaces)
            return directive == "private" || directive == "no-store"
        }
        return credentialed && !isPrivate ? "no-store" : nil
    }
}
