import Foundation
import Platform
import Testing

@testable import Deliveries

@Suite("Unit: delivery request state table")
struct DeliveryRequestStatusUnitTests {
    /// Open (`pending`) until matched, cancelled or expired; a delivery cancelled before pickup by anyone but the
    /// customer reopens its request (`matched → pending`), the customer's closes it (`matched → cancelled`).
    static let allowed: Set<[DeliveryRequestStatus]> = [
        [.pending, .matched], [.pending, .cancelled], [.pending, .expired], [.matched, .pending],
        [.matched, .cancelled],
    ]

    @Test(
        "every allowed move passes and every other pair is a 409 INVALID_STATE_TRANSITION",
        arguments: DeliveryRequestStatus.allCases, DeliveryRequestStatus.allCases)
    func move(from: DeliveryRequestStatus, to: DeliveryRequestStatus) {
        if Self.allowed.contains([from, to]) {
            #expect(throws: Never.self) { try from.requireMove(to: to) }
        } else {
            let error = #expect(throws: APIError.self) { try from.requireMove(to: to) }
            #expect(error?.status == .conflict)
            #expect(error?.code == "INVALID_STATE_TRANSITION")
            #expect(error?.reason == "Cannot move delivery request from \(from.rawValue) to \(to.rawValue)")
        }
    }

    @Test("the table holds exactly the allowed moves and names every state")
    func tableIsComplete() {
        let moves = Set(DeliveryRequestStatus.transitions.flatMap { from, targets in targets.map { [from, $0] } })
        #expect(moves == Self.allowed)
        #expect(Set(DeliveryRequestStatus.transitions.keys) == Set(DeliveryRequestStatus.allCases))
    }
}
