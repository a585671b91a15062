import Vapor

/// The success envelope: `{ "success": true, "data": …, "message"?: …, "pagination"?: … }`.
public struct Envelope<Payload: Content>: Content {
    public var success: Bool = true
    public var data: Payload
    public var message: String?
    public var pagination: Pagination?

    public init(_ data: Payload, message: String? = nil, pagination: Pagination? = nil) {
        self.data = data
        self.message = message
        self.pagination = pagination
    }
}

/// A response with no data beyond the message (`data` encodes as `{}`).
public struct Empty: Content, Sendable {
    public init() {}
}

extension Envelope where Payload == Empty {
    public static func message(_ text: String) -> Envelope<Empty> {
        Envelope(Empty(), message: text)
    }
}

extension Envelope {
    /// Wraps the payload in a response with the given status (201 for creations).
    public func response(status: HTTPResponseStatus, for req: Request) async throws -> Response {
        let response = try await encodeResponse(for: req)
        response.status = status
        return response
    }
}
