import Fluent
import Platform
import Vapor

/// Members flagging requests for moderation.
struct RequestReporting {
    let context: CallContext

    func report(
        _ request: DeliveryRequest, reason: DeliveryRequestReport.Reason, description: String?, by reporterId: UUID
    )
        async throws
    {
        let requestId = try request.requireID()
        guard request.$customer.id != reporterId else { throw DeliveriesError.cannotReportOwnRequest }
        let existing = try await DeliveryRequestReport.query(on: context.db).filter(\.$request.$id == requestId)
            .filter(\.$reporter.$id == reporterId).count()
        guard existing == 0 else { throw DeliveriesError.alreadyReported }
        try await context.db.transaction { db in
            try await DeliveryRequestReport(
                requestId: requestId, reporterId: reporterId, reason: reason,
                description: description?.isEmpty == true ? nil : description, at: context.now
            ).create(on: db)
            try await AuditTrail.record(
                "delivery_request_reported", category: "deliveries", userId: reporterId, entityType: "delivery_request",
                entityId: requestId.uuidString, metadata: ["reason": reason.rawValue], context: context.on(db))
        }
    }
}
