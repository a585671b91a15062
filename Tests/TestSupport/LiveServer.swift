import Foundation
import NIOCore
import Testing
import Vapor

/// The test application listening on a real socket on 127.0.0.1, for behaviour that only exists on the wire:
/// socket peers, keep-alive connections, requests the HTTP parser refuses, clients that hang up.
public struct LiveServer: Sendable {
    public let app: Application
    public let port: Int

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Sends a request with Vapor's HTTP client; the server sees the peer 127.0.0.1.
    public func request(
        _ method: HTTPMethod, _ path: String, json: [String: Any]? = nil, headers extra: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        let response = try await app.client.send(method, headers: headers, to: URI(string: baseURL + path)) {
            request in request.body = body
        }
        return APIResponse(
            status: response.status, headers: response.headers,
            body: response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    /// A raw TCP connection to the server, for bytes no HTTP client would send; `sending` goes out as soon as
    /// the connection is up.
    public func connect(sending initial: String? = nil) async throws -> RawConnection {
        try await RawConnection.open(port: port, initial: initial)
    }
}

extension TestApp {
    /// Serves the application on a free port of 127.0.0.1 for the duration of `body`.
    public func withLiveServer(_ body: (LiveServer) async throws -> Void) async throws {
        try await app.asyncBoot()
        // Shutdown waits for requests still in flight, however loaded the machine: with Vapor's 10 s default a
        // slow request could outlive the application it runs in.
        app.http.server.configuration.shutdownTimeout = .seconds(3600)
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            try await body(LiveServer(app: app, port: port))
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }
}
