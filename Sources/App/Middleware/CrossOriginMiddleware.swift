import Platform
import Vapor

/// Answers CORS preflights from allowed origins and labels every answer to them, errors included.
///
/// It sits outside `APIErrorMiddleware`, so a 401 or 404 reaches the page's script with the allow headers and
/// the script can read the error body instead of seeing an opaque network failure. Requests from other origins
/// get no CORS headers at all, and their preflights fall through to routing like any other `OPTIONS`.
struct CrossOriginMiddleware: AsyncMiddleware {
    let policy: CrossOriginPolicy

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard policy.isEnabled else { return try await next.respond(to: req) }
        guard let origin = req.headers.first(name: .origin), policy.allows(origin) else {
            let response = try await next.respond(to: req)
            Self.varyByOrigin(response)
            return response
        }
        if req.method == .OPTIONS, req.headers.contains(name: .accessControlRequestMethod) {
            return preflight(origin: origin)
        }
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: origin)
        response.headers.replaceOrAdd(name: .accessControlExpose, value: CrossOriginPolicy.exposedHeaders)
        Self.varyByOrigin(response)
        return response
    }

    private func preflight(origin: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .accessControlAllowOrigin, value: origin)
        headers.replaceOrAdd(name: .accessControlAllowMethods, value: CrossOriginPolicy.allowedMethods)
        headers.replaceOrAdd(name: .accessControlAllowHeaders, value: CrossOriginPolicy.allowedHeaders)
        headers.replaceOrAdd(name: .accessControlMaxAge, value: CrossOriginPolicy.maxAge)
        headers.replaceOrAdd(
            name: .vary, value: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
        return Response(status: .noContent, headers: headers)
    }

    /// Answers differ by `Origin` once any origin is allowed; caches must key on it.
    private static func varyByOrigin(_ response: Response) {
        let vary = response.headers[.vary].joined(separator: ",").lowercased()
        guard !vary.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "origin" })
        else { return }
        response.headers.add(name: .vary, value: "Origin")
    }
}
