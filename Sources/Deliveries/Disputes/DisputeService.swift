import Fluent
import Foundation
import Payments
import Platform
import SQLKit
import Vapor

/// Disputes on deliveries after pickup: opened by either party (or an admin, or a card issuer's chargeback),
/// holding the money at once; evidence and messages from both sides; one resolution by an admin that the
/// ledger carries out exactly once and that moves the delivery on.
struct DisputeService {
    /// When an admin should have ruled.
    static let reviewWindow: TimeInterval = 5 * 24 * 3600

    let context: CallContext

    struct Opening: Sendable {
        var category: DisputeCategory
        var description: String
        var requestedResolution: DisputeResolution
        /// `member`, `admin` or `chargeback`.
        var source: String
    }

    /// Opens a dispute on `deliveryId` by `principal` (a party, or an admin for the customer).
    func open(on deliveryId: UUID, _ opening: Opening, by principal: Principal?) async throws -> Dispute {
        try await context.transaction { tx in
            guard let delivery = try await Delivery.find(deliveryId, on: tx.db) else {
                throw DeliveriesError.deliveryNotFound
            }
            let role = try Self.role(of: principal, in: delivery)
            // A card issuer's chargeback holds the money whenever it comes; members dispute after pickup.
            let disputable: [DeliveryStatus] =
                opening.source == "chargeback"
                ? [.accepted, .pickupReady, .pickedUp, .inTransit, .delivered, .completed, .disputed]
                : [.pickedUp, .inTransit, .delivered, .completed]
            guard disputable.contains(delivery.status) else {
                throw delivery.status == .disputed
                    ? DisputeError.alreadyOpen(caseNumber: try await openCase(on: deliveryId, tx) ?? "")
                    : DisputeError.beforePickup
            }
            if let number = try await openCase(on: deliveryId, tx) {
                throw DisputeError.alreadyOpen(caseNumber: number)
            }
            let money = DisputeMoney(context: tx)
            let held = try await money.hold(deliveryId: deliveryId)
            let stake = try await money.stake(deliveryId: deliveryId)
            let complainant = role == .traveler ? delivery.$traveler.id : delivery.$customer.id
            let dispute = Dispute()
            dispute.deliveryId = deliveryId
            dispute.caseNumber = DeliveryNumber.make(prefix: "DSP")
            dispute.category = opening.category
            dispute.priority = Self.priority(of: opening.category)
            dispute.status = .open
            dispute.complainantId = complainant
            dispute.respondentId = complainant == delivery.$customer.id ? delivery.$traveler.id : delivery.$customer.id
            dispute.amount = stake?.total ?? delivery.finalPrice
            dispute.currency = delivery.currency
            dispute.description = opening.description
            dispute.requestedResolution = opening.requestedResolution
            dispute.held = held
            dispute.source = opening.source
            dispute.createdAt = tx.now
            dispute.updatedAt = tx.now
            dispute.dueDate = tx.now.addingTimeInterval(Self.reviewWindow)
            try await dispute.create(on: tx.db)
            if (try? delivery.status.requireMove(to: .disputed, as: role)) != nil {
                try await DeliveryLifecycle(context: tx).move(
                    delivery, to: .disputed, actor: principal?.userId, role: role,
                    reason: "Dispute \(dispute.caseNumber): \(opening.category.rawValue)")
            }
            try await tx.publish(
                DisputeOpened(
                    disputeId: try dispute.requireID(), deliveryId: deliveryId, caseNumber: dispute.caseNumber,
                    complainantId: dispute.complainantId, respondentId: dispute.respondentId,
                    category: opening.category.rawValue))
            return dispute
        }
    }

    /// Resolves once: of any number of concurrent resolutions, one moves the dispute and the money.
    func resolve(
        _ disputeId: UUID, _ resolution: DisputeResolution, customerAmount: Int64?, travelerAmount: Int64?,
        notes: String, by admin: Principal
    ) async throws -> Dispute {
        try await context.transaction { tx in
            let moved = try await tx.db.sqlDatabase.raw(
                """
                UPDATE disputes SET status = \(bind: DisputeStatus.resolved.rawValue), resolved_at = \(bind: tx.now),
                    updated_at = \(bind: tx.now)
                WHERE id = \(bind: disputeId) AND status <> \(bind: DisputeStatus.resolved.rawValue) RETURNING id
                """
            ).all()
            guard let dispute = try await Dispute.find(disputeId, on: tx.db) else { throw DisputeError.notFound }
            guard !moved.isEmpty else { throw DisputeError.alreadyResolved }
            guard let delivery = try await Delivery.find(dispute.deliveryId, on: tx.db) else {
                throw DeliveriesError.deliveryNotFound
            }
            let shares = try await DisputeMoney(context: tx).resolve(
                deliveryId: dispute.deliveryId, resolution, customerAmount: customerAmount,
                travelerAmount: travelerAmount, travelerId: delivery.$traveler.id, disputeId: disputeId,
                reason: "Dispute \(dispute.caseNumber) resolved: \(resolution.rawValue)")
            dispute.resolution = resolution
            dispute.customerAmount = shares?.customer
            dispute.travelerAmount = shares?.traveler
            dispute.platformAmount = shares?.commission
            dispute.resolutionNotes = notes
            if dispute.assigneeId == nil {
                dispute.assigneeId = admin.userId
                dispute.assignedAt = tx.now
            }
            try await dispute.save(on: tx.db)
            if delivery.status == .disputed {
                try await DeliveryLifecycle(context: tx).move(
                    delivery, to: resolution == .fullRefund ? .refunded : .completed, actor: admin.userId, role: .admin,
                    reason: "Dispute \(dispute.caseNumber) resolved: \(resolution.rawValue)")
            }
            try await tx.publish(
                DisputeResolved(
                    disputeId: disputeId, deliveryId: dispute.deliveryId, caseNumber: dispute.caseNumber,
                    complainantId: dispute.complainantId, respondentId: dispute.respondentId,
                    resolution: resolution.rawValue, customerAmount: shares?.customer ?? 0,
                    travelerAmount: shares?.traveler ?? 0, currency: dispute.currency))
            return dispute
        }
    }

    /// Gives the dispute to an admin (the caller when `assignee` is nil); it is then under review.
    func assign(_ disputeId: UUID, to assignee: UUID?, by admin: Principal) async throws -> Dispute {
        guard let dispute = try await Dispute.find(disputeId, on: context.db) else { throw DisputeError.notFound }
        guard dispute.status.isOpen else { throw DisputeError.alreadyResolved }
        dispute.assigneeId = assignee ?? admin.userId
        dispute.assignedAt = context.now
        dispute.status = .underReview
        dispute.updatedAt = context.now
        try await dispute.save(on: context.db)
        return dispute
    }

    /// The dispute as `viewer` may see it: its parties and admins; 404 for anyone else.
    func dispute(_ id: UUID, for viewer: Principal) async throws -> Dispute {
        guard let dispute = try await Dispute.find(id, on: context.db),
            viewer.isAdmin || [dispute.complainantId, dispute.respondentId].contains(viewer.userId)
        else { throw DisputeError.notFound }
        return dispute
    }

    private func openCase(on deliveryId: UUID, _ tx: CallContext) async throws -> String? {
        try await Dispute.query(on: tx.db).filter(\.$deliveryId == deliveryId)
            .filter(\.$status != .resolved).first()?.caseNumber
    }

    private static func role(of principal: Principal?, in delivery: Delivery) throws -> DeliveryStatus.Actor {
        guard let principal else { return .system }
        if principal.userId == delivery.$customer.id { return .customer }
        if principal.userId == delivery.$traveler.id { return .traveler }
        if principal.isAdmin { return .admin }
        throw DeliveriesError.deliveryNotFound
    }

    private static func priority(of category: DisputeCategory) -> DisputePriority {
        switch category {
        case .chargeback, .itemLost, .notDelivered: .high
        case .itemDamaged, .wrongItem, .payment: .medium
        case .lateDelivery, .behaviour, .other: .low
        }
    }
}
