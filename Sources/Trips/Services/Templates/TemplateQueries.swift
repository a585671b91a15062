import Fluent
import Platform
import SQLKit
import Users
import Vapor

/// The template lists: the caller's own, public, popular, search and categories.
struct TemplateQueries {
    let context: CallContext
    let principal: Principal

    /// The caller's templates, by name.
    func own(page: PageQuery) async throws -> ListPage<TripTemplate> {
        try await TripTemplate.query(on: context.db).filter(\.$user.$id == principal.userId)
            .sort(\.$name).sort(\.$id).page(page)
    }

    /// Every public template, by name.
    func publicTemplates(page: PageQuery) async throws -> ListPage<TripTemplate> {
        try await publicQuery().sort(\.$name).sort(\.$id).page(page)
    }

    /// Public templates, most used first.
    func popular(page: PageQuery) async throws -> ListPage<TripTemplate> {
        try await publicQuery().sort(\.$usageCount, .descending).sort(\.$name).sort(\.$id).page(page)
    }

    /// Templates the caller can see whose name or description contains `text` (case-insensitive) and/or in
    /// `category`; most used first.
    func search(text: String?, category: String?, page: PageQuery) async throws -> ListPage<TripTemplate> {
        let query = try await visibleQuery()
        if let text {
            // PostgreSQL's LIKE is case-sensitive and SQLite's is not (for ASCII), so PostgreSQL gets ILIKE.
            let postgres = context.db.isPostgres
            let pattern = "%" + (postgres ? Self.escapeLike(text) : text) + "%"
            let method: DatabaseQuery.Filter.Method = postgres ? .custom("ILIKE") : .custom("LIKE")
            query.group(.or) { group in
                group.filter(\.$name, method, pattern)
                group.filter(\.$description, method, pattern)
            }
        }
        if let category { query.filter(\.$category == category) }
        return try await query.sort(\.$usageCount, .descending).sort(\.$name).sort(\.$id).page(page)
    }

    /// Categories of the templates the caller can see, largest first.
    func categories() async throws -> [TemplateCategoryCount] {
        struct Row: Decodable {
            var category: String
            var count: Int
        }
        let blocked = try await MemberDirectory.blockedCounterparts(of: principal.userId, on: context.db)
        var sql: SQLQueryString = """
            SELECT category, COUNT(*) AS count FROM trip_templates
            WHERE (is_public = \(bind: true) OR user_id = \(bind: principal.userId))
            """
        if !blocked.isEmpty { sql += " AND user_id NOT IN (\(binds: Array(blocked)))" }
        sql += " GROUP BY category"
        let rows = try await context.db.sqlDatabase.raw(sql).all(decoding: Row.self)
        // Largest first; equal counts by name, so the order is stable.
        return rows.map { TemplateCategoryCount(category: $0.category, count: $0.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category < $1.category }
    }

    private func publicQuery() async throws -> QueryBuilder<TripTemplate> {
        let query = TripTemplate.query(on: context.db).filter(\.$isPublic == true)
        return try await excludingBlocked(query)
    }

    private func visibleQuery() async throws -> QueryBuilder<TripTemplate> {
        let query = TripTemplate.query(on: context.db).group(.or) { visible in
            visible.filter(\.$isPublic == true).filter(\.$user.$id == principal.userId)
        }
        return try await excludingBlocked(query)
    }

    /// Members who blocked each other never see each other's templates.
    private func excludingBlocked(_ query: QueryBuilder<TripTemplate>) async throws -> QueryBuilder<TripTemplate> {
        let blocked = try await MemberDirectory.blockedCounterparts(of: principal.userId, on: context.db)
        if !blocked.isEmpty { query.filter(\.$user.$id !~ Array(blocked)) }
        return query
    }

    /// `%` and `_` typed by the user become literal characters (PostgreSQL's default LIKE escape).
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
