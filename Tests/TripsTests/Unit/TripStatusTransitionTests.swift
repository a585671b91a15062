import Foundation
import Platform
import Testing

@testable import Trips

@Suite("Unit: trip state table")
struct TripStatusTransitionUnitTests {
    /// ARCHITECTURE.md › Trips › Lifecycle: `upcoming → active → completed`, `upcoming|active → cancelled`.
    static let documented: Set<[TripStatus]> = [
        [.upcoming, .active], [.active, .completed], [.upcoming, .cancelled], [.active, .cancelled],
    ]

    @Test(
        "every documented move is allowed and every other pair is a 409 INVALID_STATE_TRANSITION",
        arguments: TripStatus.allCases, TripStatus.allCases)
    func move(from: TripStatus, to: TripStatus) {
        if Self.documented.contains([from, to]) {
            #expect(from.canMove(to: to))
            #expect(throws: Never.self) { try from.requireMove(to: to) }
        } else {
            #expect(!from.canMove(to: to))
            let error = #expect(throws: APIError.self) { try from.requireMove(to: to) }
            #expect(error?.status == .conflict)
            #expect(error?.code == "INVALID_STATE_TRANSITION")
            #expect(error?.reason == "Cannot move trip from \(from.rawValue) to \(to.rawValue)")
        }
    }

    @Test("the table holds exactly the documented moves and names every state")
    func tableIsComplete() {
        let moves = Set(TripStatus.transitions.flatMap { from, targets in targets.map { [from, $0] } })
        #expect(moves == Self.documented)
        #expect(Set(TripStatus.transitions.keys) == Set(TripStatus.allCases))
    }

    @Test("only upcoming and active trips are live")
    func liveStates() {
        #expect(TripStatus.allCases.filter(\.isLive) == [.upcoming, .active])
    }
}
