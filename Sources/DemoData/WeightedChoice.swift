import Foundation

/// Draws indexes with given relative weights in O(log n): a cumulative table and a binary search.
public struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    public init(weights: [Double]) {
        precondition(!weights.isEmpty, "a weighted choice needs at least one weight")
        var running = 0.0
        cumulative = weights.map { weight in
            running += max(0, weight)
            return running
        }
    }

    /// Zipf weights `1 / rank^exponent` for ranks 1…count: a few heavy heads and a long tail, the shape of
    /// route popularity.
    public static func zipf(count: Int, exponent: Double) -> WeightedChoice {
        WeightedChoice(weights: (1...count).map { 1 / pow(Double($0), exponent) })
    }

    public var count: Int { cumulative.count }

    /// The share of all weight that index `index` carries.
    public func probability(of index: Int) -> Double {
        let total = cumulative[cumulative.count - 1]
        let below = index == 0 ? 0 : cumulative[index - 1]
        return (cumulative[index] - below) / total
    }

    public func next(using generator: inout SeededGenerator) -> Int {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
