import Auth
import Fluent
import Platform
import Vapor

/// Admin search of accounts; returns the private account view.
struct UserSearchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("users").grouped(RoleGuard.admin).get(use: search)
            .doc("Search users (`?q=&userType=&status=&verificationLevel=&page=&limit=`) (admin)")
    }

    /// `GET /users`
    @Sendable func search(req: Request) async throws -> Envelope<[UserResponse]> {
        var check = RuleCheck()
        let text = try req.query.get(String?.self, at: "q")?.trimmed
        let filters = UserSearchService.Filters(
            text: text?.isEmpty == false ? text : nil,
            userType: try req.filter("userType", as: UserType.self, into: &check),
            status: try req.filter("status", as: User.Status.self, into: &check),
            verificationLevel: try req.filter("verificationLevel", as: VerificationLevel.self, into: &check))
        check.require((text?.count ?? 0) <= 100, "q must be at most 100 characters")
        var page = PageQuery()
        do {
            page = try PageQuery(from: req)
        } catch let error as APIError where error.status == .unprocessableEntity {
            error.details.forEach { check.fail($0) }
        }
        try check.throwIfBroken()
        return .list(try await UserSearchService(context: req.callContext).search(filters, page: page))
    }
}
