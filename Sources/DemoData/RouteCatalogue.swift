import Foundation
import Platform

/// A directed city pair a traveler goes along.
public struct DemoRoute: Sendable {
    public var origin: DemoCity
    public var destination: DemoCity
    public var distanceKm: Double
}

/// Where trips go: most along a few hundred popular city pairs chosen Zipf-like (a handful of corridors carry
/// most traffic, as on real travel networks), the rest between any two large cities.
///
/// Popularity follows a gravity model: pairs of large cities score higher, far pairs lower (by rank, since the
/// gazetteer ranks cities by size). No city takes part in more than `pairsPerCity` popular pairs, so the
/// corridors spread over many metropolitan areas instead of crowding around the very largest.
public struct RouteCatalogue: Sendable {
    public static let minimumKm = 150.0
    public static let maximumKm = 9_000.0
    public static let pairsPerCity = 6

    /// Popular pairs, most popular first; each is travelled both ways.
    public let popularPairs: [(DemoCity, DemoCity)]
    private let popularity: WeightedChoice
    private let tailCities: [DemoCity]

    /// - Parameters:
    ///   - hubs: how many of the largest cities popular pairs are drawn from.
    ///   - pairs: how many popular pairs to keep.
    ///   - exponent: the Zipf exponent of pair popularity (0 makes every popular pair equally likely).
    ///   - tail: how many of the largest cities the other trips connect.
    public init(cities: CityCatalogue, hubs: Int = 160, pairs: Int = 200, exponent: Double = 1, tail: Int = 1_000) {
        let candidates = Array(cities.cities.prefix(hubs))
        var scored: [(score: Double, first: Int, second: Int)] = []
        for first in candidates.indices {
            for second in candidates.indices where second > first {
                let km = candidates[first].center.distanceKm(to: candidates[second].center)
                guard km >= Self.minimumKm, km <= Self.maximumKm else { continue }
                let size = 1 / Double(candidates[first].rank * candidates[second].rank)
                scored.append((size / pow(km / 1_000, 0.8), first, second))
            }
        }
        scored.sort { $0.score > $1.score }
        var uses = [Int](repeating: 0, count: candidates.count)
        var chosen: [(DemoCity, DemoCity)] = []
        for pair in scored where chosen.count < pairs {
            guard uses[pair.first] < Self.pairsPerCity, uses[pair.second] < Self.pairsPerCity else { continue }
            uses[pair.first] += 1
            uses[pair.second] += 1
            chosen.append((candidates[pair.first], candidates[pair.second]))
        }
        popularPairs = chosen
        popularity = WeightedChoice.zipf(count: chosen.count, exponent: exponent)
        tailCities = Array(cities.cities.prefix(tail))
    }

    /// The share of popular traffic on pair `rank` (0-based), both directions together.
    public func popularShare(ofPair rank: Int) -> Double { popularity.probability(of: rank) }

    /// A popular pair by popularity, travelled in either direction.
    public func popularRoute(using generator: inout SeededGenerator) -> DemoRoute {
        let (first, second) = popularPairs[popularity.next(using: &generator)]
        return generator.chance(0.5) ? Self.route(first, second) : Self.route(second, first)
    }

    /// A popular pair chosen with equal odds, in either direction.
    public func anyPopularRoute(using generator: inout SeededGenerator) -> DemoRoute {
        let (first, second) = generator.pick(popularPairs)
        return generator.chance(0.5) ? Self.route(first, second) : Self.route(second, first)
    }

    /// Two distinct large cities at least `minimumKm` apart, with no regard to popularity.
    public func tailRoute(using generator: inout SeededGenerator) -> DemoRoute {
        while true {
            let origin = generator.pick(tailCities)
            let destination = generator.pick(tailCities)
            let km = origin.center.distanceKm(to: destination.center)
            if km >= Self.minimumKm, km <= 15_000 {
                return DemoRoute(origin: origin, destination: destination, distanceKm: km)
            }
        }
    }

    static func route(_ origin: DemoCity, _ destination: DemoCity) -> DemoRoute {
        DemoRoute(
            origin: origin, destination: destination, distanceKm: origin.center.distanceKm(to: destination.center))
    }
}

extension GeoPoint {
    /// A point at most `km` from this one, uniform over the disc (a home or office in the metropolitan area).
    public func scattered(withinKm km: Double, using generator: inout SeededGenerator) -> GeoPoint {
        let distance = km * sqrt(generator.double(in: 0...1))
        let bearing = generator.double(in: 0...(2 * .pi))
        let dLat = distance * cos(bearing) / 111.195
        let dLng = distance * sin(bearing) / (111.195 * max(0.01, cos(lat * .pi / 180)))
        let wrapped = (lng + dLng + 540).truncatingRemainder(dividingBy: 360) - 180
        let rounded = { (value: Double) in (value * 10_000).rounded() / 10_000 }
        return GeoPoint(lat: rounded(min(89.9, max(-89.9, lat + dLat))), lng: rounded(wrapped))
    }
}
