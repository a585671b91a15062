import Auth
import Fluent
import Foundation
import Platform

/// Who can see whom. A user is visible to another when the account exists, is not deleted or deactivated,
/// and neither has blocked the other; everything else answers "not found", so a block is never revealed.
struct UserDirectory {
    let db: any Database

    /// The user `id`, if `viewerId` may see them; otherwise `UsersError.userNotFound`.
    func visibleUser(_ id: UUID, to viewerId: UUID) async throws -> User {
        guard let user = try await User.find(id, on: db), user.status != .deactivated, user.status != .deleted else {
            throw UsersError.userNotFound
        }
        if id != viewerId, try await isBlocked(between: id, and: viewerId) { throw UsersError.userNotFound }
        return user
    }

    /// Whether either user blocked the other.
    func isBlocked(between first: UUID, and second: UUID) async throws -> Bool {
        try await UserBlock.query(on: db)
            .group(.or) { either in
                either.group(.and) { $0.filter(\.$blocker.$id == first).filter(\.$blocked.$id == second) }
                either.group(.and) { $0.filter(\.$blocker.$id == second).filter(\.$blocked.$id == first) }
            }
            .count() > 0
    }

    /// A path parameter read as a user id; a malformed id is as unknown as a missing one.
    static func userId(_ raw: String?) throws -> UUID {
        guard let raw, let id = UUID(uuidString: raw) else { throw UsersError.userNotFound }
        return id
    }
}
