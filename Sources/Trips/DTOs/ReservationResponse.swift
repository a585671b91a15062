import Fluent
import Platform
import Vapor

struct ReservationResponse: Content {
    var id: UUID
    var tripId: UUID
    var deliveryId: UUID?
    var amount: CapacityAmount
    var status: String
    var note: String?
    var createdAt: Date
    var releasedAt: Date?

    init(_ reservation: CapacityReservation) throws {
        id = try reservation.requireID()
        tripId = reservation.$trip.id
        deliveryId = reservation.deliveryId
        amount = reservation.amount
        status = reservation.status.rawValue
        note = reservation.note
        createdAt = reservation.createdAt
        releasedAt = reservation.releasedAt
    }
}
