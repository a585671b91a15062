import Deliveries
import DemoData
import Foundation
import Platform
import Trips

/// The benchmark's world: popular routes over the gazetteer's cities, and the trips and requests along them.
struct Workload {
    /// One traveler for this many trips.
    static let tripsPerTraveler = 20
    /// Share of trips on the 200 popular pairs (Zipf over the pairs); the rest link any two of 1,000 cities.
    static let popularShare = 0.75

    let routes: RouteCatalogue
    let trips: TripPlanner
    let requests = RequestPlanner()
    let now: Date

    init(now: Date) throws {
        let cities = try CityCatalogue()
        routes = RouteCatalogue(cities: cities)
        trips = TripPlanner(routes: routes, popularShare: Self.popularShare)
        self.now = now
    }

    /// Travelers of `tripCount` trips, 70 % of them with a rating history.
    func travelers(for tripCount: Int, using generator: inout SeededGenerator) -> [DemoPerson] {
        (0..<max(1, tripCount / Self.tripsPerTraveler)).map { index in
            DemoPerson.make(
                index: index, userType: .traveler, tag: "bench", city: nil, rated: generator.chance(0.7),
                using: &generator)
        }
    }

    /// `count` trips by random travelers.
    func tripPlans(
        _ count: Int, travelers: [DemoPerson], using generator: inout SeededGenerator
    ) -> [TripPlan] {
        (0..<count).map { _ in
            trips.plan(travelerId: generator.pick(travelers).id, now: now, using: &generator)
        }
    }

    /// Requests between the ends of popular routes (any of them, equally: the corridors customers ask about
    /// are many more than the busiest few travelers ride).
    func requestPlans(_ count: Int, using generator: inout SeededGenerator) -> [RequestPlan] {
        (0..<count).map { _ in
            requests.plan(on: routes.anyPopularRoute(using: &generator), now: now, using: &generator)
        }
    }
}
