import Fluent
import Foundation

/// One remembered request of `idempotency_keys`: the first response to a key is replayed for retries.
public final class IdempotencyRecord: Model, @unchecked Sendable {
    public static let schema = "idempotency_keys"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    // data fields
    /// The caller (user id, or client address when anonymous) the key belongs to.
    @Field(key: "scope") public var scope: String
    @Field(key: "key") public var key: String
    @Field(key: "request_hash") public var requestHash: String
    @Field(key: "completed") public var completed: Bool
    @OptionalField(key: "response_status") public var responseStatus: Int?
    @OptionalField(key: "response_body") public var responseBody: String?
    @OptionalField(key: "response_content_type") public var responseContentType: String?

    public init() {}

    public init(scope: String, key: String, requestHash: String, createdAt: Date, expiresAt: Date) {
        self.scope = scope
        self.key = key
        self.requestHash = requestHash
        self.completed = false
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
