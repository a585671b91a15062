import Fluent
import Foundation

/// A refresh token that has been exchanged (`rotated_refresh_tokens`). Presenting it again means it was
/// stolen or replayed, and the whole session is revoked.
public final class RotatedRefreshToken: Model, @unchecked Sendable {
    public static let schema = "rotated_refresh_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "session_id") public var session: UserSession
    @Field(key: "rotated_at") public var rotatedAt: Date

    public init() {}

    public init(tokenHash: String, sessionId: UUID, rotatedAt: Date) {
        self.tokenHash = tokenHash
        self.$session.id = sessionId
        self.rotatedAt = rotatedAt
    }
}
