import Fluent
import Platform
import Users
import Vapor

/// Tells the reviews service (in Users) who took part in a delivery and whether it is finished, and moves
/// the delivery to `rated` at its first review.
struct DeliveryReviews: ReviewableDeliveries {
    func delivery(_ id: UUID, on db: any Database) async throws -> ReviewableDelivery? {
        guard let delivery = try await Delivery.find(id, on: db) else { return nil }
        return ReviewableDelivery(
            deliveryId: id, customerId: delivery.$customer.id, travelerId: delivery.$traveler.id,
            isFinished: delivery.status.isReviewable)
    }

    static func install(on app: Application) {
        app.reviewableDeliveries = DeliveryReviews()
        app.events.subscribe(ReviewSubmitted.self, name: "deliveries.review-submitted") { event, context in
            guard let delivery = try await Delivery.find(event.deliveryId, on: context.db),
                delivery.status == .completed
            else { return }
            try await DeliveryLifecycle(context: context.callContext).move(
                delivery, to: .rated, actor: event.reviewerId, role: .system, reason: "First review submitted")
        }
    }
}
