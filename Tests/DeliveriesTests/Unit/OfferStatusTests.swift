import Foundation
import Platform
import Testing

@testable import Deliveries

@Suite("Unit: offer state table")
struct OfferStatusUnitTests {
    /// A pending offer is accepted, declined (by the customer, or when another offer is accepted), withdrawn by
    /// its traveler or expired; every other state is final.
    static let allowed: Set<[OfferStatus]> = [
        [.pending, .accepted], [.pending, .declined], [.pending, .withdrawn], [.pending, .expired],
    ]

    @Test(
        "every allowed move passes and every other pair is a 409 INVALID_STATE_TRANSITION",
        arguments: OfferStatus.allCases, OfferStatus.allCases)
    func move(from: OfferStatus, to: OfferStatus) {
        if Self.allowed.contains([from, to]) {
            #expect(throws: Never.self) { try from.requireMove(to: to) }
        } else {
            let error = #expect(throws: APIError.self) { try from.requireMove(to: to) }
            #expect(error?.status == .conflict)
            #expect(error?.code == "INVALID_STATE_TRANSITION")
            #expect(error?.reason == "Cannot move offer from \(from.rawValue) to \(to.rawValue)")
        }
    }

    @Test("the table holds exactly the allowed moves and names every state")
    func tableIsComplete() {
        let moves = Set(OfferStatus.transitions.flatMap { from, targets in targets.map { [from, $0] } })
        #expect(moves == Self.allowed)
        #expect(Set(OfferStatus.transitions.keys) == Set(OfferStatus.allCases))
    }
}
