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
        func read<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type) throws -> Value?
        where Value.RawValue == String {
            guard let raw = try req.query.get(String?.self, at: name), !raw.isEmpty else { return nil }
            guard let value = Value(rawValue: raw) else {
                check.fail("\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return value
        }
        let text = try req.query.get(String?.self, at: "q")?.trimmed
        let filters = UserSearchService.Filters(
            text: text?.isEmpty == false ? text : nil,
            userType: try read("userType", as: UserType.self),
            status: try read("status", as: User.Status.self),
            verificationLevel: try read("verificationLevel", as: VerificationLevel.self))
        check.require((text?.count ?? 0) <= 100, "q must be at most 100 characters")
        var page = PageRequest()
        do {
            page = try PageRequest(from: req)
        } catch let error as APIError where error.status == .unprocessableEntity {
            error.details.forEach { check.fail($0) }
        }
        try check.throwIfBroken()
        return .list(try await UserSearchService(context: req.callContext).search(filters, page: page))
    }
}
