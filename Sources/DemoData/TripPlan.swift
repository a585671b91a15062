import Foundation
import Platform
import Trips

/// One upcoming public trip to seed, with every column `trips` needs.
public struct TripPlan: Sendable {
    public var id: UUID
    public var travelerId: UUID
    public var title: String
    public var tripType: TripType
    public var originAddress: String
    public var origin: GeoPoint
    public var originAirport: String?
    public var destinationAddress: String
    public var destination: GeoPoint
    public var destinationAirport: String?
    public var departure: Date
    public var arrival: Date
    public var weightCapacity: Double
    public var volumeCapacity: Double
    public var itemCapacity: Int
    public var currency: String
    public var basePrice: Int64
    public var pricePerKg: Int64
    public var pricePerKm: Int64
    public var expressMultiplier: Double
    public var fragileMultiplier: Double
    public var restrictions: TripRestrictions
    public var autoAcceptPrice: Int64?
    public var tags: [String]

    public var distanceKm: Double { origin.distanceKm(to: destination) }
}

/// Makes believable trips: the mode follows the distance, capacity the mode, prices the local currency, and
/// restrictions vary the way travelers' preferences do.
public struct TripPlanner: Sendable {
    public let routes: RouteCatalogue
    /// Share of trips on popular pairs; the rest connect any two large cities.
    public var popularShare: Double
    /// Departures fall uniformly between two hours and this long from now.
    public var horizon: TimeInterval

    public init(routes: RouteCatalogue, popularShare: Double = 0.8, horizon: TimeInterval = 60 * 86_400) {
        self.routes = routes
        self.popularShare = popularShare
        self.horizon = horizon
    }

    public func plan(
        travelerId: UUID, now: Date, using generator: inout SeededGenerator
    ) -> TripPlan {
        let route =
            generator.chance(popularShare)
            ? routes.popularRoute(using: &generator) : routes.tailRoute(using: &generator)
        return plan(on: route, travelerId: travelerId, now: now, using: &generator)
    }

    public func plan(
        on route: DemoRoute, travelerId: UUID, now: Date, using generator: inout SeededGenerator
    ) -> TripPlan {
        let mode = Self.mode(for: route, using: &generator)
        let origin = route.origin.center.scattered(withinKm: 15, using: &generator)
        let destination = route.destination.center.scattered(withinKm: 15, using: &generator)
        let offset = generator.double(in: 7_200...max(7_200, horizon))
        let departure = Date(timeIntervalSince1970: ((now.timeIntervalSince1970 + offset) / 300).rounded() * 300)
        let hours = Self.hours(for: mode, km: route.distanceKm)
        let weight = Self.weight(for: mode, using: &generator)
        let currency = LocalPricing.currency(for: route.origin.countryCode)
        let flying = mode == .flight
        return TripPlan(
            id: generator.uuid(), travelerId: travelerId,
            title: "\(route.origin.name) to \(route.destination.name) by \(mode.rawValue)", tripType: mode,
            originAddress: route.origin.label, origin: origin, originAirport: flying ? route.origin.airportCode : nil,
            destinationAddress: route.destination.label, destination: destination,
            destinationAirport: flying ? route.destination.airportCode : nil, departure: departure,
            arrival: departure.addingTimeInterval((hours * 12).rounded() * 300), weightCapacity: weight,
            volumeCapacity: (weight * generator.double(in: 2...4)).rounded(),
            itemCapacity: Int.random(in: 1...8, using: &generator), currency: currency,
            basePrice: LocalPricing.minorUnits(euros: generator.double(in: 6...20).rounded(), in: currency),
            pricePerKg: LocalPricing.minorUnits(euros: generator.double(in: 0.5...4), in: currency),
            pricePerKm: LocalPricing.minorUnits(euros: generator.double(in: 0.002...0.02), in: currency),
            expressMultiplier: (generator.double(in: 1.2...1.8) * 10).rounded() / 10,
            fragileMultiplier: (generator.double(in: 1.1...1.5) * 10).rounded() / 10,
            restrictions: Self.restrictions(currency: currency, using: &generator),
            autoAcceptPrice: generator.chance(0.15)
                ? LocalPricing.minorUnits(euros: generator.double(in: 20...60).rounded(), in: currency) : nil,
            tags: generator.chance(0.3) ? [generator.pick(["flexible", "weekend", "business", "holiday"])] : [])
    }

    static func mode(for route: DemoRoute, using generator: inout SeededGenerator) -> TripType {
        let km = route.distanceKm
        let airports = route.origin.airportCode != nil && route.destination.airportCode != nil
        if km < 300 { return generator.pick([.car, .car, .train, .train, .bus]) }
        if km < 900 { return generator.pick(airports ? [.train, .train, .car, .bus, .flight] : [.train, .car, .bus]) }
        if km < 1_500, !airports { return generator.pick([.car, .train, .bus]) }
        return .flight
    }

    static func hours(for mode: TripType, km: Double) -> Double {
        switch mode {
        case .flight: 3 + km / 750
        case .train: 0.5 + km / 130
        case .bus: 0.5 + km / 65
        case .car, .ferry, .other: km / 80
        }
    }

    static func weight(for mode: TripType, using generator: inout SeededGenerator) -> Double {
        switch mode {
        case .flight: Double(Int.random(in: 3...23, using: &generator))
        case .train, .bus, .ferry: Double(Int.random(in: 3...20, using: &generator))
        case .car, .other: Double(Int.random(in: 10...80, using: &generator))
        }
    }

    static func restrictions(currency: String, using generator: inout SeededGenerator) -> TripRestrictions {
        var accepted: [ItemCategory] = []
        if generator.chance(0.6) {
            accepted = ItemCategory.allCases.filter { $0 == .documents || generator.chance(0.55) }
            if accepted.count == ItemCategory.allCases.count { accepted = [] }
        }
        return TripRestrictions(
            acceptedCategories: accepted,
            maxItemValue: generator.chance(0.6)
                ? LocalPricing.minorUnits(euros: Double(Int.random(in: 2...20, using: &generator) * 100), in: currency)
                : nil,
            fragileOk: generator.chance(0.7), perishableOk: generator.chance(0.25),
            maxItemWeight: generator.chance(0.4) ? Double(Int.random(in: 3...10, using: &generator)) : nil)
    }
}
