import Foundation
import NIOConcurrencyHelpers
import Vapor

/// `GET /api/v1/ws`: the real-time channel over a WebSocket. A client authenticates with its access token
/// (an `Authorization` header, or a first `{"type":"auth","token":…}` message for browsers, which cannot set
/// headers on a WebSocket), subscribes to channels and receives their messages.
struct RealtimeSocketController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ws", use: upgrade).doc(
            "Open the real-time channel (WebSocket upgrade): auth, subscribe to delivery:{id} or user:{id}, receive "
                + "events with cursors, resume with the last cursor", auth: false, status: 101, also: [426])
    }

    @Sendable func upgrade(req: Request) async throws -> Response {
        let wantsSocket = req.headers[.upgrade].contains { $0.lowercased().contains("websocket") }
        guard wantsSocket else {
            throw APIError(
                .upgradeRequired, code: "UPGRADE_REQUIRED",
                reason: "This is a WebSocket endpoint: connect with Upgrade: websocket",
                headers: ["Upgrade": "websocket", "Connection": "Upgrade"])
        }
        // A bad Authorization header has already been refused with 401 by the authenticator.
        let principal = req.auth.get(Principal.self)
        let origin = req.callContext.origin
        return req.webSocket(maxFrameSize: .init(integerLiteral: 1 << 16)) { req, ws in
            Self.serve(ws, application: req.application, principal: principal, origin: origin)
        }
    }

    /// Runs one socket: frames in order through the session, pings, the token's expiry, the auth deadline.
    private static func serve(_ ws: WebSocket, application: Application, principal: Principal?, origin: CallOrigin) {
        let realtime = application.realtime
        let session = RealtimeSession(
            application: application, transport: WebSocketTransport(socket: ws), principal: principal, origin: origin)
        let (frames, input) = AsyncStream.makeStream(of: String.self)
        ws.onText { _, text in input.yield(text) }
        ws.pingInterval = realtime.pingInterval
        let heartbeat = ws.eventLoop.scheduleRepeatedTask(
            initialDelay: realtime.pingInterval, delay: realtime.pingInterval
        ) { _ in session.heartbeat() }
        let deadline = ws.eventLoop.scheduleTask(in: realtime.authTimeout) {
            guard !session.isAuthenticated else { return }
            ws.send(RealtimeReply.error("UNAUTHORIZED", "No auth message in time"))
            _ = ws.close(code: .policyViolation)
        }
        let reader = Task {
            for await text in frames { await session.handle(text: text) }
        }
        ws.onClose.whenComplete { _ in
            heartbeat.cancel()
            deadline.cancel()
            input.finish()
            reader.cancel()
            session.closed()
        }
    }
}

/// A Vapor WebSocket as the session's transport.
struct WebSocketTransport: RealtimeTransport {
    let socket: WebSocket

    func send(_ text: String) {
        socket.send(text)
    }

    func close(code: RealtimeCloseCode) {
        switch code {
        case .normal: _ = socket.close(code: .normalClosure)
        case .goingAway: _ = socket.close(code: .goingAway)
        case .policyViolation: _ = socket.close(code: .policyViolation)
        case .authenticationEnded: _ = socket.close(code: .unknown(UInt16(code.rawValue)))
        }
    }
}
