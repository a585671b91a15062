import Foundation
import Vapor

/// The address members reach the platform at (`P2P_PUBLIC_URL`), the base of every absolute link it hands out.
///
/// Links are never built from the request's `Host` or `X-Forwarded-Host`: those are whatever the client sent,
/// so a crafted request could otherwise mint share links pointing at someone else's site. Without a configured
/// address, links use `http://localhost:8080`, the address `p2p serve` listens on by default, which is right for
/// a developer's machine and obviously wrong anywhere else.
public struct PublicAddress: Sendable, Equatable, CustomStringConvertible {
    /// Used when `P2P_PUBLIC_URL` is unset.
    public static let fallback = "http://localhost:8080"

    /// The address used when none is configured.
    public static let unconfigured = PublicAddress(baseURL: fallback)

    /// `scheme://host[:port][/prefix]`, without a trailing slash.
    public let baseURL: String

    private init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Validates `configured` (nil or empty means the fallback): an `http` or `https` URL with a host and no
    /// query, fragment or credentials; a path is kept as a prefix for platforms served below one.
    public init(configured: String?) throws {
        let text = configured?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !text.isEmpty else {
            self = .unconfigured
            return
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty,
            parts.query == nil, parts.fragment == nil, parts.user == nil, parts.password == nil
        else {
            throw InvalidSetting(
                "P2P_PUBLIC_URL", value: text,
                reason: "expected http(s)://host[:port][/path] such as https://p2p.example.com")
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
    }

    /// The absolute URL of `path` (which starts with `/`, like `/api/v1/trips/shared/…`).
    public func link(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    public var description: String { baseURL }
}

extension Application {
    private struct PublicAddressKey: StorageKey {
        typealias Value = PublicAddress
    }

    /// The public address set in `configure`; the fallback when it was not called.
    public var publicAddress: PublicAddress {
        get { storage[PublicAddressKey.self] ?? .unconfigured }
        set { storage[PublicAddressKey.self] = newValue }
    }
}

extension CallContext {
    /// Where members reach the platform, for every absolute link a service makes.
    public var publicAddress: PublicAddress { application.publicAddress }
}
