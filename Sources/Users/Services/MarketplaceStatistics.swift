import Fluent
import Foundation
import Platform
import Vapor

/// Keeps `user_statistics` counts in step with the marketplace's events, in the same transactions:
/// trips posted, deliveries booked, completed and cancelled, and the completion rate (completed among
/// deliveries the member finished or cancelled).
enum MarketplaceStatistics {
    static func install(on app: Application) {
        let events = app.events
        events.subscribe(TripCreated.self, name: "users.statistics.trip-created") { event, context in
            let statistics = try await UserRows.statistics(of: event.travelerId, on: context.db)
            statistics.totalTrips += 1
            try await statistics.save(on: context.db)
        }
        events.subscribe(OfferAccepted.self, name: "users.statistics.delivery-booked") { event, context in
            for userId in [event.customerId, event.travelerId] {
                let statistics = try await UserRows.statistics(of: userId, on: context.db)
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
                let statistics = try await UserRows.statistics(of: userId, on: context.db)
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
