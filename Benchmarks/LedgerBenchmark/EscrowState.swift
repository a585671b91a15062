import Foundation

/// Where every delivery of the world stands between modes: what its escrow holds and how many hold-release
/// cycles it went through (part of the idempotency keys). Each mode splits it among its posters and takes the
/// slices back afterwards, so the next mode continues from the balances the last one left.
struct EscrowState {
    let world: EscrowWorld
    let run: String
    private var held: [Int64]
    private var cycles: [Int]
    private var seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(world: EscrowWorld, run: String) {
        self.world = world
        self.run = run
        held = Array(repeating: 0, count: world.deliveries.count)
        cycles = Array(repeating: 0, count: world.deliveries.count)
    }

    /// Poster `p` of `posters` gets the deliveries `d` with `d % posters == p` (see `EscrowWorld`).
    mutating func slices(posters: Int) -> [DeliverySlice] {
        (0..<posters).map { poster in
            let deliveries = Array(stride(from: poster, to: world.deliveries.count, by: posters))
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return DeliverySlice(
                world: world, run: run, deliveries: deliveries, held: deliveries.map { held[$0] },
                cycles: deliveries.map { cycles[$0] }, seed: seed)
        }
    }

    /// Takes back what the posters' slices hold now.
    mutating func absorb(_ slices: [DeliverySlice]) {
        for slice in slices {
            for (position, delivery) in slice.deliveries.enumerated() {
                held[delivery] = slice.held[position]
                cycles[delivery] = slice.cycles[position]
            }
        }
    }

    /// The money that should sit in escrow now, to compare with the ledger's balances.
    var totalHeld: Int64 { held.reduce(0, +) }
}
