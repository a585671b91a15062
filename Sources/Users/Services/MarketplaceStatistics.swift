import Fluent
import Foundation
import Platform
import Vapor

/// Keeps `user_statistics` counts in step with the marketplace's events, in the same transactions:
/// trips posted, deliveries booked, completed and cancelled, and the completion rate (completed among
/// deliveries the member finished or cancelled).
enum MarketplaceStatistics {
    /// The member's row; nil once their account was erased (the row is not brought back).
    private static func row(of userId: UUID, on db: any Database) async throws -> UserStatistics? {
        try await UserStatistics.query(on: db).filter(\.$user.$id == userId).first()
    }

    static func install(on app: Application) {
        let events = app.events
        events.subscribe(TripCreated.self, name: "users.statistics.trip-created") { event, context in
            guard let statistics = try await row(of: event.travelerId, on: context.db) else { return }
            statistics.totalTrips += 1
            try await statistics.save(on: context.db)
        }
        events.subscribe(OfferAccepted.self, name: "users.statistics.delivery-booked") { event, context in
            for userId in [event.customerId, event.travelerId] {
                guard let statistics = try await row(of: userId, on: context.db) else { continue }
                statistics.totalDeliveries += 1
                try await statistics.save(on: context.db)
            }
        }
        events.subscribe(DeliveryStatusChanged.self, name: "users.statistics.delivery-finished") { event, context in
            let finished = event.to == "completed"
            guard finished || event.to == "cancelled" else { return }
            // A cancellation counts against the party who cancelled, not the one left without a delivery.
            let parties =
                finished
                ? [event.customerId, event.travelerId]
                : [event.actorId].compactMap { $0 }
                    .filter { $0 == event.customerId || $0 == event.travelerId }
            for userId in parties {
                guard let statistics = try await row(of: userId, on: context.db) else { continue }
                if finished { statistics.successfulDeliveries += 1 } else { statistics.cancelledDeliveries += 1 }
                let decided = statistics.successfulDeliveries + statistics.cancelledDeliveries
                statistics.completionRate =
                    decided == 0
                    ? 0 : (Double(statistics.successfulDeliveries) / Double(decided) * 1000).rounded() / 1000
                try await statistics.save(on: context.db)
            }
        }
    }
}
