import Vapor

/// An error that carries a stable machine-readable `code` and per-rule details for the seed's error body.
///
/// Every module's error type conforms to it; `APIErrorMiddleware` renders it as
/// `{ success: false, message, errors, code, timestamp, requestId }`.
public protocol CodedError: AbortError {
    /// Stable upper-snake-case identifier clients can switch on (`INVALID_CREDENTIALS`).
    var code: String { get }
    /// One entry per broken rule or detail; empty when `reason` says it all.
    var details: [String] { get }
}

extension CodedError {
    public var details: [String] { [] }
}
