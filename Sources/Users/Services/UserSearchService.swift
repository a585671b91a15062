import Auth
import Fluent
import FluentSQL
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
            // PostgreSQL's LIKE is case-sensitive and SQLite's is not, so PostgreSQL gets ILIKE. Both are given
            // the escape character explicitly (SQLite has none by default), so a typed `%` or `_` is literal.
            let pattern = "%" + Self.escapeLike(text) + "%"
            let like = context.db.isPostgres ? "ILIKE" : "LIKE"
            query = query.group(.or) { group in
                for column in ["email", "first_name", "last_name"] {
                    group.filter(.sql(embed: "\(ident: column) \(unsafeRaw: like) \(bind: pattern) ESCAPE '\\'"))
                }
            }
        }
        if let userType = filters.userType { query = query.filter(\.$userType == userType) }
        if let status = filters.status { query = query.filter(\.$status == status) }
        if let level = filters.verificationLevel { query = query.filter(\.$verificationLevel == level) }
        return try await query.sort(\.$createdAt, .descending).page(page).map(UserResponse.init)
    }

    /// `%` and `_` typed by the admin become literal characters, escaped with a backslash.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
