import Vapor

/// The proxies whose forwarding headers the platform believes (`P2P_TRUSTED_PROXIES`): none unless configured.
///
/// `X-Forwarded-For` and `X-Forwarded-Proto` are plain request headers anyone can send. They only describe the
/// client when the socket peer is a proxy we run, and then only as far back as the chain of proxies we run:
/// each proxy appends the address it saw, so the list is read from the right, skipping our own hops, and the
/// first address that is not ours is the client. Everything left of it was written by the client itself.
public struct TrustedProxies: Sendable {
    public let ranges: [IPAddressRange]

    /// Trusts nobody: the socket peer is always the client.
    public static let none = TrustedProxies(ranges: [])

    public init(ranges: [IPAddressRange]) {
        self.ranges = ranges
    }

    /// Parses entries such as `10.0.0.0/8`, `192.0.2.7`, `fd00::/8`; throws on the first one that is not an
    /// address or CIDR range.
    public init(_ entries: [String]) throws {
        self.ranges = try entries.map { entry in
            guard let range = IPAddressRange(entry) else {
                throw InvalidSetting(
                    "P2P_TRUSTED_PROXIES", value: entry,
                    reason: "not an IP address or CIDR range (10.0.0.0/8, fd00::/8)")
            }
            return range
        }
    }

    public func trusts(_ address: IPAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }

    /// The client behind `peer`: `peer` itself unless it is trusted; otherwise the right-most hop of
    /// `forwardedFor` (header values in order, each a comma-separated list) that is not trusted. A hop that is
    /// not an address ends the walk at the trusted hop that passed it on: nothing left of it can be vouched for.
    public func client(peer: IPAddress?, forwardedFor: [String]) -> IPAddress? {
        guard let peer else { return nil }
        guard trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
        var client = peer
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { break }
            client = address
            if !trusts(address) { break }
        }
        return client
    }

    /// The scheme the nearest trusted proxy says the client used (the last `X-Forwarded-Proto` entry), or nil
    /// when the peer is not trusted or said nothing.
    public func forwardedScheme(peer: IPAddress?, forwardedProto: [String]) -> String? {
        guard let peer, trusts(peer) else { return nil }
        let last = forwardedProto.flatMap { $0.split(separator: ",") }.last
        return last.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey {
        typealias Value = TrustedProxies
    }

    /// The proxies set in `configure`; nobody when it was not called.
    public var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? .none }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}
