import Auth
import Fluent
import Platform
import Vapor

/// Reports about users' behaviour and their moderation.
struct ReportService {
    let context: CallContext

    /// Which moves moderation may make; resolved and dismissed reports are final.
    static let transitions: [UserReport.Status: Set<UserReport.Status>] = [
        .pending: [.underReview, .resolved, .dismissed],
        .underReview: [.resolved, .dismissed],
        .resolved: [],
        .dismissed: [],
    ]

    func file(
        about reportedId: UUID, by reporterId: UUID, category: UserReport.Category, description: String
    ) async throws -> ReportResponse {
        guard reportedId != reporterId else { throw UsersError.cannotTargetSelf(action: "report") }
        // Blocks do not stop a report: safety reports must reach moderation whatever the relationship.
        guard let reported = try await User.find(reportedId, on: context.db), reported.status != .deleted else {
            throw UsersError.userNotFound
        }
        let open = try await UserReport.query(on: context.db).filter(\.$reporter.$id == reporterId)
            .filter(\.$reported.$id == reportedId).filter(\.$status ~~ [.pending, .underReview]).count()
        guard open == 0 else { throw UsersError.duplicateReport }
        return try await context.db.transaction { db in
            let report = UserReport(
                reporterId: reporterId, reportedId: reportedId, category: category, description: description,
                createdAt: context.now)
            try await report.create(on: db)
            let reportId = try report.requireID()
            try await AuditTrail.record(
                "user_reported", category: "profile", userId: reporterId, entityType: "user_report",
                entityId: reportId.uuidString, metadata: ["category": category.rawValue], context: context.on(db))
            try await context.publish(
                UserReported(
                    reportId: reportId, reporterId: reporterId, reportedId: reportedId, category: category.rawValue),
                on: db)
            return try ReportResponse(report)
        }
    }

    /// Reports for moderation, oldest first, optionally of one status.
    func list(status: UserReport.Status?, page: PageQuery) async throws -> ListPage<ReportResponse> {
        var query = UserReport.query(on: context.db)
        if let status { query = query.filter(\.$status == status) }
        return try await query.sort(\.$createdAt, .ascending).page(page).map(ReportResponse.init)
    }

    /// Moves a report along its workflow; closing it needs a resolution text.
    func review(_ reportId: UUID, to status: UserReport.Status, resolution: String?) async throws -> ReportResponse {
        let reviewerId = try context.requirePrincipal().userId
        return try await context.db.transaction { db in
            guard let report = try await UserReport.find(reportId, on: db) else { throw UsersError.reportNotFound }
            guard Self.transitions[report.status]?.contains(status) == true else {
                throw APIError.invalidTransition(from: report.status.rawValue, to: status.rawValue, entity: "report")
            }
            report.status = status
            report.reviewedBy = reviewerId
            report.reviewedAt = context.now
            if let resolution { report.resolution = resolution }
            try await report.save(on: db)
            try await AuditTrail.record(
                "user_report_reviewed", category: "admin", userId: reviewerId, entityType: "user_report",
                entityId: reportId.uuidString, metadata: ["status": status.rawValue], context: context.on(db))
            return try ReportResponse(report)
        }
    }
}
