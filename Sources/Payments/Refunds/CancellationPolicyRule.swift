import Fluent
import Foundation

/// One row of the cancellation policy: when `cancelledBy` cancels at least `minHoursBeforePickup` before the
/// pickup, the customer gets `customerRefundBps` of what escrow holds, the traveler `travelerShareBps`, and the
/// processing fee comes back if `refundsProcessingFee`. The rule with the largest threshold that applies wins.
public final class CancellationPolicyRule: Model, @unchecked Sendable {
    public static let schema = "cancellation_policies"

    @ID(key: .id) public var id: UUID?
    /// `customer`, `traveler`, `admin` or `system`.
    @Field(key: "cancelled_by") public var cancelledBy: String
    @Field(key: "min_hours_before_pickup") public var minHoursBeforePickup: Int
    @Field(key: "customer_refund_bps") public var customerRefundBps: Int
    @Field(key: "traveler_share_bps") public var travelerShareBps: Int
    @Field(key: "refunds_processing_fee") public var refundsProcessingFee: Bool
    @Field(key: "description") public var description: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    /// The rule for a cancellation by `role` `hoursBefore` the pickup (negative when it is past), or nil.
    static func applicable(
        _ rules: [CancellationPolicyRule], cancelledBy role: String, hoursBefore: Double
    ) -> CancellationPolicyRule? {
        rules.filter { $0.cancelledBy == role && Double($0.minHoursBeforePickup) <= max(0, hoursBefore) }
            .max { $0.minHoursBeforePickup < $1.minHoursBeforePickup }
    }

    /// The escrow's division: the traveler's share rounded down, the customer's rounded half up (at most what
    /// is left), and whatever the two leave to the platform; the three add up to what is held.
    func shares(of held: Int64) -> EscrowShares {
        let traveler = held * Int64(travelerShareBps) / 10_000
        let customer = min(held - traveler, (held * Int64(customerRefundBps) + 5_000) / 10_000)
        return EscrowShares(traveler: traveler, commission: held - traveler - customer, customer: customer)
    }
}
