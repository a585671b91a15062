import AsyncKit
import Fluent
import Platform
import Vapor

/// Renders every failure in the seed's error body: `{ success: false, message, errors, code, timestamp,
/// requestId }`. Internals of unexpected errors are logged, never returned.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return render(error, for: req)
        }
    }

    private func render(_ error: any Error, for req: Request) -> Response {
        let failure = APIFailure(error, routeMatched: req.route != nil)
        if failure.status.code == ClientAbort.status.code {
            req.logger.info("client closed the connection before the request was complete")
        } else if failure.status.code >= 500 && failure.status != .notImplemented {
            req.logger.critical("request failed: \(String(reflecting: error))")
        } else {
            req.logger.debug("request refused: \(failure.status.code) \(failure.code)")
        }
        let body = ErrorBody(
            message: failure.message, errors: failure.details, code: failure.code, timestamp: req.now,
            requestId: req.requestId)
        var headers = failure.headers
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        let response = Response(status: failure.status, headers: headers)
        do {
            response.body = .init(data: try JSONEncoder.api.encode(body))
        } catch {
            response.body = .init(
                string: #"{"success":false,"message":"Internal server error","code":"INTERNAL_ERROR"}"#)
        }
        return response
    }
}

/// An error translated to what the client is told.
struct APIFailure {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var details: [String] = []
    var headers: HTTPHeaders = [:]

    init(_ error: any Error, routeMatched: Bool) {
        switch error {
        case _ where ClientAbort.isClientAbort(error):
            self.init(
                status: ClientAbort.status, code: "CLIENT_CLOSED_REQUEST",
                message: "The client closed the connection before the request was complete")
        case let coded as any CodedError:
            self.init(
                status: coded.status, code: coded.code, message: coded.reason, details: coded.details,
                headers: coded.headers)
        case let decoding as DecodingError:
            self.init(
                status: .badRequest, code: "INVALID_REQUEST_BODY", message: "The request could not be read",
                details: [Self.describe(decoding)])
        case _ where UnreadableMultipart.matches(error):
            self.init(
                status: .badRequest, code: "INVALID_REQUEST_BODY", message: "The request could not be read",
                details: ["the multipart/form-data body is malformed"])
        case is ConnectionPoolTimeoutError:
            // Every pooled connection stayed busy for the pool's whole wait: the same answer as SQLite's queue.
            self.init(
                status: .serviceUnavailable, code: "DATABASE_BUSY", message: "The database is busy; please retry",
                headers: ["Retry-After": "1"])
        case let database as any DatabaseError where database.isConstraintFailure:
            self.init(status: .conflict, code: "CONFLICT", message: "The change conflicts with existing data")
        case let abort as any AbortError:
            self.init(abort: abort, routeMatched: routeMatched)
        default:
            self.init(status: .internalServerError, code: "INTERNAL_ERROR", message: "Internal server error")
        }
    }

    init(status: HTTPResponseStatus, code: String, message: String, details: [String] = [], headers: HTTPHeaders = [:])
    {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    private init(abort: any AbortError, routeMatched: Bool) {
        switch abort.status {
        case .notFound where !routeMatched:
            self.init(status: .notFound, code: "ENDPOINT_NOT_FOUND", message: "Endpoint not found")
        case .payloadTooLarge:
            self.init(status: .payloadTooLarge, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large")
        case .unsupportedMediaType:
            self.init(status: .unsupportedMediaType, code: "UNSUPPORTED_MEDIA_TYPE", message: abort.reason)
        case let status where status.code >= 500:
            self.init(status: status, code: "INTERNAL_ERROR", message: "Internal server error")
        case .badRequest:
            self.init(
                status: .badRequest, code: "BAD_REQUEST", message: "The request could not be read",
                details: [abort.reason])
        default:
            self.init(
                status: abort.status, code: Self.code(for: abort.status), message: abort.reason,
                headers: abort.headers)
        }
    }

    private static func code(for status: HTTPResponseStatus) -> String {
        status.reasonPhrase.uppercased().replacingOccurrences(of: " ", with: "_")
    }

    /// "email: expected String" style messages naming the field, without Swift type internals.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ extra: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "body" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context, key)) is required"
        case .valueNotFound(_, let context):
            return "\(path(context)) must not be null"
        case .typeMismatch(let type, let context):
            return "\(path(context)) must be \(typeName(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "body is not valid JSON" : "\(path(context)) has an invalid value"
        @unknown default:
            return "body is invalid"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int64", "Int32", "Double", "Float", "Decimal": return "a number"
        case "Bool": return "a boolean"
        case "Date": return "an ISO-8601 date-time"
        case "UUID": return "a UUID"
        default:
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a valid value"
        }
    }
}

extension JSONEncoder {
    /// The API's JSON: ISO-8601 dates without fractional seconds.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
