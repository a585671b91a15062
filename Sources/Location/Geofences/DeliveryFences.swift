import Fluent
import Foundation
import GeoKit
import Platform

/// The pickup and drop fences every booking gets, and their retirement when the delivery is over.
struct DeliveryFences {
    /// Metres: about a city block, what "the traveler has arrived" means for a handoff.
    static let radius = 150
    /// Metres beyond the radius before a device counts as gone: well above the jitter of a phone's GPS.
    static let exitMargin = 50
    /// Seconds inside before `dwell`: the traveler is waiting at the door.
    static let dwellSeconds = 120

    let context: CallContext

    func create(for booking: TrackingSessions.Booking) async throws {
        for (type, point, name) in [
            (GeofenceType.pickup, booking.pickup, booking.pickupName),
            (GeofenceType.delivery, booking.drop, booking.dropName),
        ] {
            let fence = Geofence()
            fence.name = type == .pickup ? "Pickup: \(name)" : "Drop: \(name)"
            fence.type = type
            fence.deliveryId = booking.deliveryId
            fence.ownerId = nil
            fence.geometry = .circle
            fence.centerCoordinates = point
            fence.centerLat = point.lat
            fence.centerLng = point.lng
            fence.radius = Self.radius
            fence.polygonCoordinates = nil
            fence.boundingRadius = Double(Self.radius)
            fence.exitMargin = Self.exitMargin
            fence.dwellSeconds = Self.dwellSeconds
            fence.notifications = ["enter": .bool(true), "exit": .bool(true), "dwell": .bool(true)]
            fence.active = true
            fence.metadata = ["audience": .string("delivery")]
            fence.version = 1
            fence.createdAt = context.now
            fence.updatedAt = context.now
            try await fence.create(on: context.db)
        }
        try await FenceIndex.bumpRevision(on: context.db)
    }

    /// Deactivates the delivery's own fences once it no longer travels.
    func retire(of deliveryId: UUID) async throws {
        let live = try await Geofence.query(on: context.db).filter(\.$deliveryId == deliveryId)
            .filter(\.$active == true).count()
        guard live > 0 else { return }
        try await Geofence.query(on: context.db).filter(\.$deliveryId == deliveryId)
            .set(\.$active, to: false).set(\.$updatedAt, to: context.now).update()
        try await FenceIndex.bumpRevision(on: context.db)
    }
}
