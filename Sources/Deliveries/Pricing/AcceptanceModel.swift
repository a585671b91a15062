import Foundation

/// How likely a price is to be accepted, as a function of its ratio to the engine's estimate, learned from
/// decided offers (accepted against declined or expired) and deterministic for a given history.
///
/// Ratios are binned in tenths from 0.5 to 2.0 (each bin ±0.05 around its centre, in basis points so that the
/// edges are exact). Each bin's acceptance is its observed rate shrunk towards a prior, `(accepted + k·prior) /
/// (offers + k)` with `k = 2`: a bin with no history answers the prior, one with much history answers what
/// happened. The prior `1 − ratio / 2` (0.5 at the estimate, clamped to 0.02…0.98) is a plain downward price
/// response whose expected earnings, ratio × acceptance, peak at the estimate itself, so with no history the
/// engine's price is the suggestion. The suggestion is the bin with the highest expected earnings; ties go to
/// the lower price.
enum AcceptanceModel {
    struct Sample: Sendable, Equatable {
        /// Price over estimate, in basis points (10 000 = the estimate).
        var ratioBasisPoints: Int64
        var accepted: Bool
    }

    struct Bin: Sendable, Equatable {
        /// The bin's centre, in basis points of the estimate.
        var ratioBasisPoints: Int64
        var offers: Int
        var accepted: Int
        /// 0…1.
        var acceptance: Double

        var ratio: Double { Double(ratioBasisPoints) / 10_000 }
        var expectedEarnings: Double { ratio * acceptance }
    }

    static let centres: [Int64] = Array(stride(from: Int64(5_000), through: 20_000, by: 1_000))
    static let halfWidth: Int64 = 500
    static let priorWeight = 2.0

    static func prior(ratio: Double) -> Double {
        min(0.98, max(0.02, 1 - ratio / 2))
    }

    /// The sample of one offer, or nil without an estimate to compare with.
    static func sample(price: Int64, estimate: Int64, accepted: Bool) -> Sample? {
        guard estimate > 0, price > 0 else { return nil }
        return Sample(ratioBasisPoints: (price * 20_000 + estimate) / (estimate * 2), accepted: accepted)
    }

    static func fit(_ samples: [Sample]) -> [Bin] {
        centres.map { centre in
            let inBin = samples.filter {
                $0.ratioBasisPoints >= centre - halfWidth && $0.ratioBasisPoints < centre + halfWidth
            }
            let accepted = inBin.filter(\.accepted).count
            let ratio = Double(centre) / 10_000
            let acceptance =
                (Double(accepted) + priorWeight * prior(ratio: ratio)) / (Double(inBin.count) + priorWeight)
            return Bin(ratioBasisPoints: centre, offers: inBin.count, accepted: accepted, acceptance: acceptance)
        }
    }

    /// The bin with the highest expected earnings (the lower price on a tie).
    static func best(_ bins: [Bin]) -> Bin? {
        bins.reduce(nil) { best, bin in
            guard let best else { return bin }
            return bin.expectedEarnings > best.expectedEarnings + 1e-12 ? bin : best
        }
    }
}
