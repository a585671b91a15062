import Vapor

/// The platform's general-purpose error: a status, a stable code, a message and optional details.
///
/// Modules define their own error enums for domain failures; this type covers the cross-cutting ones
/// (validation, not found, conflicts, rate limits, illegal state transitions).
public struct APIError: CodedError, Sendable {
    public var status: HTTPResponseStatus
    public var code: String
    public var reason: String
    public var details: [String]
    public var headers: HTTPHeaders

    public init(
        _ status: HTTPResponseStatus,
        code: String,
        reason: String,
        details: [String] = [],
        headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.code = code
        self.reason = reason
        self.details = details
        self.headers = headers
    }

    /// 422 with one entry per broken rule.
    public static func validation(_ details: [String]) -> APIError {
        APIError(.unprocessableEntity, code: "VALIDATION_ERROR", reason: "Validation failed", details: details)
    }

    /// 400 for a body or query that cannot be read.
    public static func badRequest(_ reason: String, details: [String] = []) -> APIError {
        APIError(.badRequest, code: "BAD_REQUEST", reason: reason, details: details)
    }

    public static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "NOT_FOUND", reason: "\(what) not found")
    }

    public static func conflict(_ reason: String, code: String = "CONFLICT") -> APIError {
        APIError(.conflict, code: code, reason: reason)
    }

    public static func forbidden(
        _ reason: String = "You do not have permission to do this", code: String = "FORBIDDEN"
    )
        -> APIError
    {
        APIError(.forbidden, code: code, reason: reason)
    }

    public static func unauthorized(
        _ reason: String = "Authentication required", code: String = "UNAUTHORIZED"
    )
        -> APIError
    {
        APIError(.unauthorized, code: code, reason: reason)
    }

    /// 429 with `Retry-After` in whole seconds (at least 1).
    public static func rateLimited(
        retryAfter seconds: Int, reason: String = "Too many requests", code: String = "RATE_LIMITED"
    )
        -> APIError
    {
        let wait = max(1, seconds)
        return APIError(
            .tooManyRequests, code: code, reason: reason,
            details: ["Retry after \(wait) seconds"], headers: ["Retry-After": String(wait)])
    }

    /// 409 for a state machine refusing a move.
    public static func invalidTransition(from: String, to: String, entity: String) -> APIError {
        APIError(
            .conflict, code: "INVALID_STATE_TRANSITION",
            reason: "Cannot move \(entity) from \(from) to \(to)")
    }
}
