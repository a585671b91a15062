import Platform
import Vapor

/// Turns the router's "not found" into `405 METHOD_NOT_ALLOWED` with an `Allow` header when the path exists
/// under other methods, and into `501 NOT_IMPLEMENTED` for methods the platform serves nowhere (`TRACE`,
/// `PROPFIND`…), whatever the path. Unmatched paths stay `404 ENDPOINT_NOT_FOUND`.
///
/// It sits inside `APIErrorMiddleware`, which renders what it throws in the error envelope.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// Methods HTTP defines that the platform answers in some way: routes use them, HEAD follows GET and
    /// OPTIONS carries CORS preflights. Anything else is not implemented here at all.
    static let implementedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    let index: RouteMethodIndex

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let error as RouteNotFound {
            let method = req.method.rawValue
            guard Self.implementedMethods.contains(method) || index.knownMethods().contains(method) else {
                throw APIError(
                    .notImplemented, code: "NOT_IMPLEMENTED", reason: "The method \(method) is not implemented")
            }
            let allowed = index.methods(forPath: req.url.path)
            guard !allowed.isEmpty else { throw error }
            throw APIError(
                .methodNotAllowed, code: "METHOD_NOT_ALLOWED",
                reason: "This endpoint does not answer \(method); it answers \(allowed.joined(separator: ", "))",
                headers: ["Allow": allowed.joined(separator: ", ")])
        }
    }
}
