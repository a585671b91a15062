import Fluent
import Platform
import Vapor

/// The signed-in user's blocks.
struct BlockController: RouteCollection {
    struct BlockRequest: Content {
        var userId: String
        /// `spam`, `harassment`, `inappropriate_behavior`, `safety_concern`, `fraud` or `other` (default).
        var reason: String?
        var comment: String?
    }

    struct BlockDetails: Content {
        var reason: String?
        var comment: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.post("me", "blocked-users", use: blockFromBody).doc("Block a user", body: BlockRequest.self, status: 201)
        users.post("block", ":userId", use: blockFromPath).doc(
            "Block a user", body: BlockDetails.self, status: 201, bodyOptional: true)
        users.delete("me", "blocked-users", ":userId", use: unblock).doc("Unblock a user")
        users.get("me", "blocked-users", use: list).doc("Users the signed-in user blocked, newest first")
    }

    /// `POST /users/me/blocked-users`
    @Sendable func blockFromBody(req: Request) async throws -> Response {
        let input = try req.content.decode(BlockRequest.self)
        let target = UUID(uuidString: input.userId)
        let details = BlockDetails(reason: input.reason, comment: input.comment)
        var problems = target == nil ? ["userId must be a user id (UUID)"] : []
        problems += details.problems
        try problems.throwIfAny()
        return try await block(req, target: target, details: details)
    }

    /// `POST /users/block/{userId}`
    @Sendable func blockFromPath(req: Request) async throws -> Response {
        let details = try req.optionalBody(BlockDetails.self, else: BlockDetails())
        return try await block(req, target: try UserDirectory.userId(req.parameters.get("userId")), details: details)
    }

    /// `DELETE /users/me/blocked-users/{userId}`
    @Sendable func unblock(req: Request) async throws -> Envelope<Empty> {
        let target = try UserDirectory.userId(req.parameters.get("userId"))
        try await BlockService(context: req.callContext).unblock(target, by: try req.principal.userId)
        return .message("User unblocked")
    }

    /// `GET /users/me/blocked-users`
    @Sendable func list(req: Request) async throws -> Envelope<[BlockResponse]> {
        .list(
            try await BlockService(context: req.callContext).list(
                by: try req.principal.userId, page: try PageQuery(from: req)))
    }

    private func block(_ req: Request, target: UUID?, details: BlockDetails) async throws -> Response {
        try details.problems.throwIfAny()
        guard let target, let reason = details.blockReason else { throw UsersError.userNotFound }
        let comment = details.comment?.trimmed
        let block = try await BlockService(context: req.callContext).block(
            target, by: try req.principal.userId, reason: reason, comment: comment?.isEmpty == true ? nil : comment)
        return try await Envelope(block, message: "User blocked").response(status: .created, for: req)
    }
}

extension BlockController.BlockDetails {
    /// The reason, `other` when none was given; nil when it is not a known reason.
    var blockReason: UserBlock.Reason? {
        UserBlock.Reason(rawValue: reason ?? UserBlock.Reason.other.rawValue)
    }

    var problems: [String] {
        var check = RuleCheck()
        check.require(
            blockReason != nil,
            "reason must be one of \(UserBlock.Reason.allCases.map(\.rawValue).joined(separator: ", "))")
        check.require((comment?.count ?? 0) <= 500, "comment must be at most 500 characters")
        return check.problems
    }
}

extension BlockController.BlockDetails: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["reason": .oneOf(UserBlock.Reason.self), "comment": .characters(upTo: 500)]
    }
}

extension BlockController.BlockRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        BlockController.BlockDetails.fieldRules.merging(["userId": .format("uuid")]) { $1 }
    }
}
