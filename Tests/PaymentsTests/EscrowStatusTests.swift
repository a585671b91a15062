import Payments
import Testing

@Suite("Escrow state table")
struct EscrowStatusTests {
    @Test("held may freeze, release or refund; frozen may also split or thaw; a resolved escrow moves no more")
    func transitions() {
        #expect(EscrowStatus.held.next == [.frozen, .released, .refunded])
        #expect(EscrowStatus.frozen.next == [.held, .released, .refunded, .split])
        for resolved in [EscrowStatus.released, .refunded, .split] {
            #expect(resolved.isResolved)
            #expect(EscrowStatus.allCases.allSatisfy { !resolved.canMove(to: $0) })
        }
        #expect(!EscrowStatus.held.canMove(to: .split), "only a dispute splits")
        #expect(EscrowStatus.sources(of: .released) == [.held, .frozen])
    }

    @Test("shares add up to what is held, none negative")
    func shares() {
        #expect(EscrowShares.release(of: 10_000, commission: 1_500).problems(holding: 10_000) == [])
        #expect(EscrowShares.release(of: 10_000, commission: 1_500).traveler == 8_500)
        #expect(EscrowShares.refund(of: 10_000).customer == 10_000)
        #expect(
            EscrowShares(traveler: 5_000, commission: 500, customer: 4_000).problems(holding: 10_000)
                == ["the shares must add up to 10000"])
        #expect(
            EscrowShares(traveler: 11_000, commission: 0, customer: -1_000).problems(holding: 10_000)
                == ["no share may be negative"])
        #expect(!EscrowShares(traveler: .max, commission: .max, customer: 2).problems(holding: 0).isEmpty)
    }
}
