import Platform
import Vapor

/// Gives every request an id (the client's `X-Request-Id` when acceptable), puts it in every log line of the
/// request and echoes it on the response.
struct RequestIdMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Not `req.id`: Vapor copies the client's header into it unchecked.
        let id = RequestIdPolicy.accept(req.headers.first(name: "X-Request-Id")) ?? UUID().uuidString
        req.requestId = id
        req.logger[metadataKey: "request-id"] = .string(id)
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: id)
        return response
    }
}
