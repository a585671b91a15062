import Platform
import Vapor

/// Turns the router's "not found" into `405 METHOD_NOT_ALLOWED` with an `Allow` header when the path exists
/// under other methods, and into `501 NOT_IMPLEMENTED` for extension methods the platform serves nowhere
/// (`PROPFIND`…), whatever the path. Unmatched paths stay `404 ENDPOINT_NOT_FOUND`.
///
/// RFC 9110 draws the line: 501 is for a method the server does not recognise, 405 for one it knows but the
/// resource does not answer. Every method the RFC defines (`TRACE` and `CONNECT` among them) is known here.
///
/// It sits inside `APIErrorMiddleware`, which renders what it throws in the error envelope.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// The methods RFC 9110 and RFC 5789 (PATCH) define, and QUERY (the IETF safe method with a body, which
    /// clients have begun to send); anything else is not implemented here at all.
    static let standardMethods: Set<String> = [
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY",
    ]

    let index: RouteMethodIndex

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let route = req.route {
            let allowed = index.shadowingMethods(of: route, forPath: req.url.path)
            if !allowed.isEmpty, !allowed.contains(req.method.rawValue) {
                throw methodNotAllowed(req.method.rawValue, allowed: allowed)
            }
        }
        do {
            return try await next.respond(to: req)
        } catch let error as RouteNotFound {
            let method = req.method.rawValue
            guard Self.standardMethods.contains(method) || index.knownMethods().contains(method) else {
                throw APIError(
                    .notImplemented, code: "NOT_IMPLEMENTED", reason: "The method \(method) is not implemented")
            }
            let allowed = index.methods(forPath: req.url.path)
            guard !allowed.isEmpty else { throw error }
            throw methodNotAllowed(method, allowed: allowed)
        }
    }

    private func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(
            .methodNotAllowed, code: "METHOD_NOT_ALLOWED",
            reason: "This endpoint does not answer \(method); it answers \(allowed.joined(separator: ", "))",
            headers: ["Allow": allowed.joined(separator: ", ")])
    }
}
