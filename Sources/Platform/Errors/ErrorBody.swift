import Vapor

/// The seed's error envelope, returned for every failure.
public struct ErrorBody: Content, Sendable {
    public var success: Bool = false
    public var message: String
    public var errors: [String]
    public var code: String
    public var timestamp: Date
    public var requestId: String

    public init(message: String, errors: [String], code: String, timestamp: Date, requestId: String) {
        self.message = message
        self.errors = errors
        self.code = code
        self.timestamp = timestamp
        self.requestId = requestId
    }
}
