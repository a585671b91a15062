import Fluent
import Foundation
import Platform
import Vapor

/// A finished delivery as reviews need it: who took part and whether it may be reviewed yet.
public struct ReviewableDelivery: Sendable {
    public var deliveryId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    /// Completed (or already rated): reviews are open.
    public var isFinished: Bool

    public init(deliveryId: UUID, customerId: UUID, travelerId: UUID, isFinished: Bool) {
        self.deliveryId = deliveryId
        self.customerId = customerId
        self.travelerId = travelerId
        self.isFinished = isFinished
    }
}

/// How the reviews service learns about deliveries, which live in a module above this one. The deliveries
/// module installs the real lookup at boot; without it no delivery can be reviewed.
public protocol ReviewableDeliveries: Sendable {
    func delivery(_ id: UUID, on db: any Database) async throws -> ReviewableDelivery?
}

struct NoReviewableDeliveries: ReviewableDeliveries {
    func delivery(_ id: UUID, on db: any Database) async throws -> ReviewableDelivery? { nil }
}

extension Application {
    private struct ReviewableDeliveriesKey: StorageKey {
        typealias Value = any ReviewableDeliveries
    }

    public var reviewableDeliveries: any ReviewableDeliveries {
        get { storage[ReviewableDeliveriesKey.self] ?? NoReviewableDeliveries() }
        set { storage[ReviewableDeliveriesKey.self] = newValue }
    }
}

extension CallContext {
    var reviewableDeliveries: any ReviewableDeliveries { application.reviewableDeliveries }
}
