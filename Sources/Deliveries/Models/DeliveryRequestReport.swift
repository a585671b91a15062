import Auth
import Fluent
import Foundation

/// A member flagging a delivery request for moderation (`delivery_request_reports`).
public final class DeliveryRequestReport: Model, @unchecked Sendable {
    public static let schema = "delivery_request_reports"

    /// Why the request was reported.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case prohibitedItem = "prohibited_item"
        case suspectedFraud = "suspected_fraud"
        case misleading, inappropriate, spam, other
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "delivery_request_id") public var request: DeliveryRequest
    @Parent(key: "reporter_id") public var reporter: User
    @Enum(key: "reason") public var reason: Reason
    @OptionalField(key: "description") public var description: String?
    /// `pending` until moderation reviews it.
    @Field(key: "status") public var status: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(requestId: UUID, reporterId: UUID, reason: Reason, description: String?, at date: Date) {
        self.$request.id = requestId
        self.$reporter.id = reporterId
        self.reason = reason
        self.description = description
        self.status = "pending"
        self.createdAt = date
    }
}
