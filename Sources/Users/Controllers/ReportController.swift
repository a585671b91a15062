import Fluent
import Platform
import Vapor

/// Reporting users, and the admin moderation of reports.
struct ReportController: RouteCollection {
    struct ReportRequest: Content {
        var reportedUserId: String
        var category: String
        var description: String
    }

    struct ReviewRequest: Content {
        /// `under_review`, `resolved` or `dismissed`.
        var status: String
        /// Required to resolve or dismiss.
        var resolution: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users", "reports")
        users.grouped(RoleGuard.authenticated).post(use: file)
            .doc("Report a user's behaviour", body: ReportRequest.self, status: 201)
        let admin = users.grouped(RoleGuard.admin)
        admin.get(use: list).doc("User reports for moderation, oldest first (`?status=`) (admin)")
        admin.put(":reportId", use: review).doc("Move a report along its workflow (admin)", body: ReviewRequest.self)
    }

    /// `POST /users/reports`
    @Sendable func file(req: Request) async throws -> Response {
        let input = try req.content.decode(ReportRequest.self)
        let description = input.description.trimmed
        var check = RuleCheck()
        let reportedId = UUID(uuidString: input.reportedUserId)
        let category = UserReport.Category(rawValue: input.category)
        check.require(reportedId != nil, "reportedUserId must be a user id (UUID)")
        check.require(
            category != nil,
            "category must be one of \(UserReport.Category.allCases.map(\.rawValue).joined(separator: ", "))")
        check.require((10...2000).contains(description.count), "description must be 10 to 2000 characters")
        try check.throwIfBroken()
        guard let reportedId, let category else { throw APIError.validation(check.problems) }
        let report = try await ReportService(context: req.callContext).file(
            about: reportedId, by: try req.principal.userId, category: category, description: description)
        return try await Envelope(report, message: "Report received").response(status: .created, for: req)
    }

    /// `GET /users/reports`
    @Sendable func list(req: Request) async throws -> Envelope<[ReportResponse]> {
        let status = try req.filter("status", as: UserReport.Status.self)
        return .list(
            try await ReportService(context: req.callContext).list(status: status, page: try PageQuery(from: req)))
    }

    /// `PUT /users/reports/{reportId}`
    @Sendable func review(req: Request) async throws -> Envelope<ReportResponse> {
        guard let reportId = req.parameters.get("reportId", as: UUID.self) else { throw UsersError.reportNotFound }
        let input = try req.content.decode(ReviewRequest.self)
        let status = UserReport.Status(rawValue: input.status)
        let resolution = input.resolution?.trimmed
        var check = RuleCheck()
        check.require(
            status != nil && status != .pending, "status must be one of under_review, resolved, dismissed")
        if let status, !status.isOpen {
            check.require((resolution?.count ?? 0) >= 3, "resolution is required to close a report")
        }
        check.require((resolution?.count ?? 0) <= 2000, "resolution must be at most 2000 characters")
        try check.throwIfBroken()
        guard let status else { throw APIError.validation(check.problems) }
        let report = try await ReportService(context: req.callContext).review(
            reportId, to: status, resolution: resolution)
        return Envelope(report, message: "Report updated")
    }
}

extension ReportController.ReportRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "reportedUserId": .format("uuid"), "category": .oneOf(UserReport.Category.self),
            "description": .text(10...2000),
        ]
    }
}

extension ReportController.ReviewRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "status": .oneOf(UserReport.Status.allCases.filter { $0 != .pending }.map(\.rawValue)),
            "resolution": .text(upTo: 2000).described("at least 3 characters to resolve or dismiss"),
        ]
    }
}
