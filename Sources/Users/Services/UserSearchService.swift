import Auth
import Fluent
import Platform
import Vapor

/// Admin search over accounts by text, type, status and verification level.
struct UserSearchService {
    let context: CallContext

    /// Filters an admin may combine.
    struct Filters: Sendable {
        var text: String?
        var userType: UserType?
        var status: User.Status?
        var verificationLevel: VerificationLevel?
    }

    /// Matching accounts, newest first. Text matches e-mail, first or last name, case-insensitively.
    func search(_ filters: Filters, page: PageQuery) async throws -> ListPage<UserResponse> {
        var query = User.query(on: context.db)
        if let text = filters.text {
            // PostgreSQL's LIKE is case-sensitive and SQLite's is not, so PostgreSQL gets ILIKE. PostgreSQL
            // escapes `%` and `_` with a backslash; SQLite has no default escape character and Fluent cannot add
            // an ESCAPE clause, so there a typed `%` or `_` stays a wildcard (the results are a superset).
            let postgres = context.db.isPostgres
            let pattern = "%" + (postgres ? Self.escapeLike(text) : text) + "%"
            let method: DatabaseQuery.Filter.Method = postgres ? .custom("ILIKE") : .custom("LIKE")
            query = query.group(.or) { group in
                group.filter(\.$email, method, pattern)
                group.filter(\.$firstName, method, pattern)
                group.filter(\.$lastName, method, pattern)
            }
        }
        if let userType = filters.userType { query = query.filter(\.$userType == userType) }
        if let status = filters.status { query = query.filter(\.$status == status) }
        if let level = filters.verificationLevel { query = query.filter(\.$verificationLevel == level) }
        return try await query.sort(\.$createdAt, .descending).page(page).map(UserResponse.init)
    }

    /// `%` and `_` typed by the admin become literal characters (PostgreSQL's default LIKE escape).
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
