import Auth
import Fluent
import Platform
import Vapor

/// Blocking: a block hides the two users from each other and ends any favorite between them.
struct BlockService {
    let context: CallContext

    func block(
        _ targetId: UUID, by blockerId: UUID, reason: UserBlock.Reason, comment: String?
    ) async throws -> BlockResponse {
        guard targetId != blockerId else { throw UsersError.cannotTargetSelf(action: "block") }
        // Existence only, not visibility: someone who blocked you can still be blocked back, and the answer
        // reveals nothing about their block.
        guard let target = try await User.find(targetId, on: context.db), target.status != .deleted else {
            throw UsersError.userNotFound
        }
        if try await existing(blockerId, targetId, on: context.db) != nil { throw UsersError.alreadyBlocked }
        return try await context.db.transaction { db in
            let block = UserBlock(
                blockerId: blockerId, blockedId: targetId, reason: reason, comment: comment, createdAt: context.now)
            try await block.create(on: db)
            try await UserFavorite.query(on: db).group(.or) { pair in
                pair.group(.and) { $0.filter(\.$customer.$id == blockerId).filter(\.$traveler.$id == targetId) }
                pair.group(.and) { $0.filter(\.$customer.$id == targetId).filter(\.$traveler.$id == blockerId) }
            }.delete()
            try await AuditTrail.record(
                "user_blocked", category: "profile", userId: blockerId, entityType: "user",
                entityId: targetId.uuidString,
                metadata: ["reason": reason.rawValue], context: context.on(db))
            try await context.publish(UserBlocked(blockerId: blockerId, blockedId: targetId), on: db)
            return try BlockResponse(block, user: target)
        }
    }

    func unblock(_ targetId: UUID, by blockerId: UUID) async throws {
        guard let block = try await existing(blockerId, targetId, on: context.db) else { throw UsersError.notBlocked }
        try await context.db.transaction { db in
            try await block.delete(on: db)
            try await AuditTrail.record(
                "user_unblocked", category: "profile", userId: blockerId, entityType: "user",
                entityId: targetId.uuidString, context: context.on(db))
            try await context.publish(UserUnblocked(blockerId: blockerId, blockedId: targetId), on: db)
        }
    }

    /// The users `blockerId` blocked, newest first.
    func list(by blockerId: UUID, page: PageQuery) async throws -> ListPage<BlockResponse> {
        let blocks = try await UserBlock.query(on: context.db).filter(\.$blocker.$id == blockerId)
            .sort(\.$createdAt, .descending).page(page)
        let ids = blocks.items.map { $0.$blocked.id }
        let users = ids.isEmpty ? [] : try await User.query(on: context.db).filter(\.$id ~~ ids).all()
        return try blocks.map { block in try BlockResponse(block, user: users.first { $0.id == block.$blocked.id }) }
    }

    private func existing(_ blockerId: UUID, _ targetId: UUID, on db: any Database) async throws -> UserBlock? {
        try await UserBlock.query(on: db).filter(\.$blocker.$id == blockerId).filter(\.$blocked.$id == targetId).first()
    }
}
