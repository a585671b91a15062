import Foundation
import Platform
import Vapor

/// Which browser origins may call the API (`P2P_CORS_ORIGINS`) and what they are told they may do.
///
/// Origins are exact (`https://app.example.com`, scheme and port included), with no wildcard: the API answers
/// bearer-token requests, and a wildcard would let any page a member visits read what their token can.
/// Credentials (cookies) are not allowed because the platform does not use them.
struct CrossOriginPolicy: Sendable {
    static let allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE"
    /// Every request header the API reads; browsers send the CORS-safelisted ones without asking.
    static let allowedHeaders = "Authorization, Content-Type, Idempotency-Key, X-Request-Id, Accept-Language"
    /// Response headers scripts may read besides the safelisted ones.
    static let exposedHeaders = "X-Request-Id, Retry-After"
    /// Browsers cache a preflight for this many seconds (Chrome caps it at 7,200).
    static let maxAge = "600"

    let origins: Set<String>

    /// Parses the configured origins; throws on one that is not `scheme://host[:port]`.
    init(origins entries: [String]) throws {
        self.origins = Set(
            try entries.map { entry in
                let origin = entry.lowercased()
                guard origin != "*", let parts = URLComponents(string: origin), let scheme = parts.scheme,
                    scheme == "http" || scheme == "https", parts.host?.isEmpty == false, parts.path.isEmpty,
                    parts.query == nil, parts.fragment == nil, parts.user == nil
                else {
                    throw InvalidSetting(
                        "P2P_CORS_ORIGINS", value: entry,
                        reason: "expected an exact origin such as https://app.example.com (no path, no wildcard)")
                }
                return origin
            })
    }

    var isEnabled: Bool { !origins.isEmpty }

    func allows(_ origin: String) -> Bool {
        origins.contains(origin)
    }
}
