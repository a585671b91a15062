import Foundation

/// One client's connection as the real-time session sees it: a WebSocket or an event stream.
public protocol RealtimeTransport: Sendable {
    /// Sends one JSON text frame; never blocks, frames leave in the order of the calls.
    func send(_ text: String)
    /// Closes the connection with `code` (WebSocket close codes; an event stream just ends).
    func close(code: RealtimeCloseCode)
}

/// Why the server closes a socket.
public enum RealtimeCloseCode: Int, Sendable {
    /// The client or the server ended it normally.
    case normal = 1000
    /// The server is shutting down.
    case goingAway = 1001
    /// The client broke the protocol: no `auth` in time, a bad token, an oversized frame.
    case policyViolation = 1008
    /// The access token expired or its session ended (logout, revocation): sign in again and reconnect.
    case authenticationEnded = 4001
}
