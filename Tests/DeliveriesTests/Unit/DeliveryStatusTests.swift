import Foundation
import Platform
import Testing

@testable import Deliveries

@Suite("Unit: delivery state table and who may move it")
struct DeliveryStatusUnitTests {
    typealias Status = DeliveryStatus
    typealias Mover = DeliveryStatus.Actor
    static let actors: [Mover] = [.customer, .traveler, .admin, .system]

    /// Every allowed move with the actors who may make it, written out here so a change to the table shows.
    static let allowed: [[Status]: Set<Mover>] = [
        [.accepted, .pickupReady]: [.customer, .traveler, .admin],
        // A handoff is proven by its code (the system) or recorded by an admin; no party can claim one.
        [.accepted, .pickedUp]: [.admin, .system],  // a QR scan at pickup skips pickup_ready
        [.accepted, .cancelled]: [.customer, .traveler, .admin, .system],
        [.pickupReady, .pickedUp]: [.admin, .system],
        [.pickupReady, .cancelled]: [.customer, .traveler, .admin, .system],
        [.pickedUp, .inTransit]: [.traveler, .admin, .system],  // the system: the trip departed
        [.pickedUp, .delivered]: [.admin, .system],
        [.pickedUp, .disputed]: [.customer, .traveler, .admin, .system],  // the system: a chargeback
        [.inTransit, .delivered]: [.admin, .system],
        [.inTransit, .disputed]: [.customer, .traveler, .admin, .system],
        [.delivered, .completed]: [.customer, .admin, .system],  // the system: 48 h without confirmation
        [.delivered, .disputed]: [.customer, .traveler, .admin, .system],
        [.completed, .rated]: [.system],  // the first review's event
        [.disputed, .completed]: [.admin],
        [.disputed, .refunded]: [.admin, .system],
        [.disputed, .cancelled]: [.admin],
        [.cancelled, .refunded]: [.admin, .system],
    ]

    @Test(
        "each pair: allowed actors pass, other actors get 403, pairs outside the table 409 for everyone",
        arguments: Status.allCases, Status.allCases)
    func move(from: Status, to: Status) {
        for actor in Self.actors {
            if let permitted = Self.allowed[[from, to]] {
                if permitted.contains(actor) {
                    #expect(throws: Never.self, "\(actor)") { try from.requireMove(to: to, as: actor) }
                } else {
                    let error = #expect(throws: APIError.self, "\(actor)") { try from.requireMove(to: to, as: actor) }
                    #expect(error?.status == .forbidden)
                    #expect(error?.code == "TRANSITION_NOT_ALLOWED_FOR_ROLE")
                }
            } else {
                let error = #expect(throws: APIError.self, "\(actor)") { try from.requireMove(to: to, as: actor) }
                #expect(error?.status == .conflict)
                #expect(error?.code == "INVALID_STATE_TRANSITION")
                #expect(error?.reason == "Cannot move delivery from \(from.rawValue) to \(to.rawValue)")
            }
        }
    }

    @Test("the table holds exactly these moves and actors and names every state")
    func tableIsComplete() {
        var moves: [[Status]: Set<Mover>] = [:]
        for (from, targets) in Status.transitions {
            for (to, actors) in targets { moves[[from, to]] = actors }
        }
        #expect(moves == Self.allowed)
        #expect(Set(Status.transitions.keys) == Set(Status.allCases))
    }

    @Test("cancellation is possible until pickup; after pickup the parties' way out is a dispute")
    func cancelUntilPickup() {
        for from in Status.allCases where from != .cancelled {
            let partyCanCancel = [Mover.customer, .traveler].contains {
                (try? from.requireMove(to: .cancelled, as: $0)) != nil
            }
            #expect(partyCanCancel == [.accepted, .pickupReady].contains(from), "\(from)")
        }
        for from in [Status.pickedUp, .inTransit, .delivered] {
            #expect(throws: Never.self) { try from.requireMove(to: .disputed, as: .customer) }
            #expect(throws: Never.self) { try from.requireMove(to: .disputed, as: .traveler) }
        }
    }

    @Test("live states are those before completion; completed and rated deliveries can be reviewed")
    func liveAndReviewable() {
        #expect(Status.allCases.filter(\.isLive) == [.accepted, .pickupReady, .pickedUp, .inTransit, .delivered])
        #expect(Status.allCases.filter(\.isReviewable) == [.completed, .rated])
    }
}
