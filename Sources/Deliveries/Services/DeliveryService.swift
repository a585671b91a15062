import Fluent
import Platform
import Vapor

/// Reading deliveries and moving them on behalf of their parties.
struct DeliveryService {
    let context: CallContext

    /// The delivery and the principal's role in it; strangers get a 404.
    func partyDelivery(
        _ id: UUID, for principal: Principal, on db: (any Database)? = nil
    ) async throws
        -> (Delivery, DeliveryStatus.Actor)
    {
        guard let delivery = try await Delivery.find(id, on: db ?? context.db) else {
            throw DeliveriesError.deliveryNotFound
        }
        if delivery.$customer.id == principal.userId { return (delivery, .customer) }
        if delivery.$traveler.id == principal.userId { return (delivery, .traveler) }
        if principal.isAdmin { return (delivery, .admin) }
        throw DeliveriesError.deliveryNotFound
    }

    func move(
        _ deliveryID: DeliveryID, to next: DeliveryStatus, reason: String?, by principal: Principal
    ) async throws -> Delivery {
        let id = deliveryID.uuid
        return try await context.db.transaction { db in
            let (delivery, role) = try await partyDelivery(id, for: principal, on: db)
            try await DeliveryLifecycle(context: context.on(db)).move(
                delivery, to: next, actor: principal.userId, role: role, reason: reason)
            try await AuditTrail.record(
                "delivery_\(next.rawValue)", category: "deliveries", userId: principal.userId, entityType: "delivery",
                entityId: id.uuidString, context: context.on(db))
            return delivery
        }
    }

    /// The principal's deliveries as customer, traveler or either, newest first.
    func deliveries(
        of userId: UUID, role: DeliveryStatus.Actor?, status: DeliveryStatus?, page: PageQuery
    )
        async throws -> ListPage<Delivery>
    {
        let query = Delivery.query(on: context.db)
        switch role {
        case .customer: query.filter(\.$customer.$id == userId)
        case .traveler: query.filter(\.$traveler.$id == userId)
        default: query.group(.or) { $0.filter(\.$customer.$id == userId).filter(\.$traveler.$id == userId) }
        }
        if let status { query.filter(\.$status == status) }
        return try await query.sort(\.$createdAt, .descending).page(page)
    }

    func history(of delivery: Delivery) async throws -> [DeliveryEvent] {
        try await DeliveryEvent.query(on: context.db).filter(\.$delivery.$id == delivery.requireID())
            .sort(\.$createdAt).all()
    }
}
