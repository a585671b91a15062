import Foundation
import Testing

@testable import Platform

@Suite("Unit: money allocation and rounding")
struct MoneyAllocationUnitTests {
    static let eur = Currency.eur

    /// (amount, weights, parts): floors first, then the leftover minor units to the largest remainders.
    static let allocations: [(Int64, [Int], [Int64])] = [
        (100, [1, 2], [33, 67]),  // 33.33 and 66.67: the cent goes to the larger remainder
        (100, [1, 1, 1], [34, 33, 33]),  // equal remainders: earlier parts first
        (-100, [1, 1, 1], [-34, -33, -33]),  // a refund splits the same way, below zero
        (5, [0, 1, 0], [0, 5, 0]),  // a zero weight gets nothing
        (7, [85, 15], [6, 1]),  // 5.95 and 1.05
        (1, [1, 1, 1, 1], [1, 0, 0, 0]),
        (1_000, [3, 3, 4], [300, 300, 400]),  // exact shares need no leftover
    ]

    @Test("allocation splits by weight and the parts add up to the whole", arguments: allocations)
    func allocation(amount: Int64, weights: [Int], parts: [Int64]) throws {
        let allocated = try Money(amount: amount, currency: Self.eur).allocated(weights)
        #expect(allocated.map(\.amount) == parts)
        #expect(allocated.allSatisfy { $0.currency == Self.eur })
    }

    @Test(
        "allocation needs at least one positive weight and no negative one", arguments: [[], [0], [1, -1], [0, 0, 0]])
    func invalidWeights(weights: [Int]) {
        #expect(throws: MoneyError.invalidAllocation) { try Money(amount: 10, currency: Self.eur).allocated(weights) }
    }

    /// (amount, basis points, share): half a minor unit rounds to the even neighbour.
    static let shares: [(Int64, Int, Int64)] = [
        (1_000, 1_250, 125), (1_004, 1_250, 126),  // 125.5 → 126
        (1_012, 1_250, 126),  // 126.5 → 126
        (-1_004, 1_250, -126), (1, 5_000, 0),  // 0.5 → 0
        (3, 5_000, 2),  // 1.5 → 2
    ]

    @Test("a share in basis points rounds half to even", arguments: shares)
    func share(amount: Int64, basisPoints: Int, expected: Int64) throws {
        #expect(try Money(amount: amount, currency: Self.eur).share(basisPoints: basisPoints).amount == expected)
    }

    @Test("a product too large for 64 bits is refused, not wrapped")
    func overflow() {
        #expect(throws: MoneyError.overflow) { try Money(amount: .max, currency: Self.eur).multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) {
            try Money(amount: .min, currency: Self.eur).subtracting(Money(amount: 1, currency: Self.eur))
        }
    }
}
