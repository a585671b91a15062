import Fluent
import Foundation
import Platform
import Vapor

/// Live tracking (original service 3008): tracking sessions and the points a traveler's phone posts, the
/// pickup and drop geofences of every booking and their enter, exit and dwell events, ETAs, route
/// optimisation, emergencies, location privacy, and who may read the `delivery:{id}` real-time channel.
/// `Deliveries` registers each booking (`TrackingSessions.register`) and its status changes move tracking.
public struct LocationModule: PlatformModule {
    public init() {}

    public var name: String { "location" }

    public var migrations: [any Migration] {
        [
            CreateTrackingSessions(), CreateLocationTracking(), CreateGeofences(), CreateRouteOptimizations(),
            CreateEmergencyLocations(), CreateLocationPrivacy(),
        ]
    }

    public func boot(_ app: Application) async throws {
        app.events.subscribe(DeliveryStatusChanged.self, name: "location.follow-delivery") { event, context in
            let call = context.callContext
            try await TrackingSessions(context: call).follow(deliveryId: event.deliveryId, to: event.to)
            try await LocationBroadcast(context: call).statusChanged(event)
        }
        app.realtime.authorizers.register(kind: "delivery") { channel, principal, context in
            guard let id = channel.uuidKey else { return false }
            if principal.isAdmin { return try await TrackingSession.find(id, on: context.db) != nil }
            return try await TrackingSession.find(id, on: context.db)?.isParty(principal.userId) ?? false
        }
        app.jobs.schedule(
            RecurringTask(name: "location.silent-devices", every: 60) { context in
                try await SilentDevices(context: context.callContext).exitFences()
            })
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: TrackingController())
    }
}
