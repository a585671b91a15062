import Foundation
import Vapor

/// An HTTP client that answers every request with one canned response and remembers what it was asked.
final class RecordingClient: Client, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [ClientRequest] = []
    let eventLoop: any EventLoop
    let status: HTTPResponseStatus
    let body: String

    init(eventLoop: any EventLoop, status: HTTPResponseStatus = .ok, body: String) {
        self.eventLoop = eventLoop
        self.status = status
        self.body = body
    }

    var requests: [ClientRequest] { lock.withLock { recorded } }

    func delegating(to eventLoop: any EventLoop) -> any Client { self }

    func send(_ request: ClientRequest) -> EventLoopFuture<ClientResponse> {
        lock.withLock { recorded.append(request) }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return eventLoop.makeSucceededFuture(
            ClientResponse(status: status, headers: headers, body: ByteBuffer(string: body)))
    }
}
