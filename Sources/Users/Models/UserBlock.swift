import Auth
import Fluent
import Foundation

/// One user blocking another (`user_blocks`): they disappear from each other's profiles, favorites and
/// matching.
final class UserBlock: Model, @unchecked Sendable {
    static let schema = "user_blocks"

    /// `user_blocks.reason`.
    enum Reason: String, Codable, Sendable, CaseIterable {
        case spam, harassment
        case inappropriateBehavior = "inappropriate_behavior"
        case safetyConcern = "safety_concern"
        case fraud, other
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Parent(key: "blocker_id") var blocker: User
    @Parent(key: "blocked_id") var blocked: User
    @Enum(key: "reason") var reason: Reason
    @OptionalField(key: "comment") var comment: String?

    init() {}

    init(blockerId: UUID, blockedId: UUID, reason: Reason, comment: String?, createdAt: Date) {
        self.$blocker.id = blockerId
        self.$blocked.id = blockedId
        self.reason = reason
        self.comment = comment
        self.createdAt = createdAt
    }
}
