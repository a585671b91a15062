import Vapor

extension Request {
    /// The socket peer as an address; nil for requests that did not come over a socket (in-memory tests).
    public var peerAddress: IPAddress? {
        remoteAddress?.ipAddress.flatMap { IPAddress($0) }
    }

    /// The caller's address: the socket peer, or, when the peer is one of `P2P_TRUSTED_PROXIES`, the client
    /// that the trusted chain of `X-Forwarded-For` hops names. Rate limits, sessions and the audit trail key
    /// on it, so a client can never choose it by sending the header itself.
    public var clientIP: String? {
        application.trustedProxies.client(peer: peerAddress, forwardedFor: headers[.xForwardedFor])?.description
    }

    /// Whether the client reached us over TLS: this server terminates TLS, the request line was an absolute
    /// `https://` URI, or a trusted proxy said `X-Forwarded-Proto: https`.
    public var clientUsesTLS: Bool {
        if application.http.server.configuration.tlsConfiguration != nil || url.scheme?.lowercased() == "https" {
            return true
        }
        let forwarded = application.trustedProxies.forwardedScheme(
            peer: peerAddress, forwardedProto: headers[.xForwardedProto])
        return forwarded == "https"
    }
}
