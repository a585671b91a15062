import Foundation
import NIOCore
import Vapor

extension TestApp {
    /// Sends a request through the whole application as if it had arrived on a socket from `peer`.
    ///
    /// VaporTesting's in-memory requests have no remote address at all, which would make every client the
    /// same anonymous one; this sets the peer the way the HTTP server does, for tests about client addresses.
    @discardableResult
    public func request(
        _ method: HTTPMethod, _ path: String, json: [String: Any]? = nil, token: String? = nil,
        headers extra: [String: String] = [:], peer: String
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        headers.replaceOrAdd(name: .contentLength, value: String(body?.readableBytes ?? 0))
        try await app.asyncBoot()
        let request = Request(
            application: app, method: method, url: URI(string: path), headers: headers, collectedBody: body,
            remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), logger: app.logger,
            on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        let collected = try await response.body.collect(on: request.eventLoop).get()
        return APIResponse(
            status: response.status, headers: response.headers,
            body: collected.map { Data($0.readableBytesView) } ?? Data())
    }
}
