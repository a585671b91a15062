import Foundation
import Payments

/// One poster's deliveries and where each stands: held (the amount in escrow) or released. The poster walks
/// them round-robin, holding a released one and releasing a held one, so every transfer is valid when it
/// posts and escrow balances return to zero.
struct DeliverySlice: Sendable {
    let world: EscrowWorld
    /// A tag in every idempotency key, unique to the benchmark run.
    let run: String
    let deliveries: [Int]
    private(set) var held: [Int64]
    private(set) var cycles: [Int]
    private var cursor = 0
    private var random: UInt64

    init(world: EscrowWorld, run: String, deliveries: [Int], held: [Int64], cycles: [Int], seed: UInt64) {
        self.world = world
        self.run = run
        self.deliveries = deliveries
        self.held = held
        self.cycles = cycles
        random = seed | 1
    }

    /// The next `count` transfers, in the order they must post.
    mutating func next(_ count: Int) -> [TransferRequest] {
        (0..<count).map { _ in next() }
    }

    mutating func next() -> TransferRequest {
        let position = cursor
        cursor = (cursor + 1) % deliveries.count
        let delivery = deliveries[position]
        if held[position] > 0 {
            let transfer = world.release(held[position], delivery: delivery, cycle: cycles[position], run: run)
            held[position] = 0
            cycles[position] += 1
            return transfer
        }
        // 10.00 to 500.00 EUR, in cents.
        let amount = Int64(1_000 + nextRandom() % 49_001)
        held[position] = amount
        return world.hold(amount, delivery: delivery, cycle: cycles[position], run: run)
    }

    /// xorshift64: cheap, and the amounts need no better.
    private mutating func nextRandom() -> UInt64 {
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        return random
    }
}
