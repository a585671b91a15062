import Fluent
import Foundation
import Payments
import Platform
import Trips
import Users
import Vapor

/// `POST /payments/calculate-price`: gathers what the engine prices beyond the item and route (the pickup's
/// calendar, supply and demand on the route, the trip's detour, its traveler and its weather, the customer's
/// first delivery), quotes it under the current factors, and converts it when another currency is asked for.
struct PriceCalculator {
    let context: CallContext

    /// Requests and trips count as "on the route" when both their ends are this close to the route's.
    static let routeRadiusKm = 50.0

    /// The facts of one quote and what was read to learn them.
    struct Gathered: Sendable {
        var facts: PricingFacts
        var request: DeliveryRequest?
        var pickup: GeoPoint
        var delivery: GeoPoint
        var market: MarketFacts
    }

    struct MarketFacts: Content, Sendable {
        var distanceKm: Double
        var openRequests: Int
        var upcomingTrips: Int
        var demandRatio: Double
        var detourRatio: Double?
        var travelerRating: Double?
        var travelerCompletedDeliveries: Int?
        var weather: String?
        var pickupDate: Date?
        var firstDelivery: Bool?
    }

    func quote(_ input: PriceCalculationInput) async throws -> PriceCalculationResponse {
        let gathered = try await gather(input)
        let factors = try await context.pricingFactors()
        let quote = PriceEngine.quote(gathered.facts, factors: factors, at: context.now)
        let target = Currency(code: input.currency ?? gathered.facts.currency.code) ?? gathered.facts.currency
        return try PriceCalculationResponse(
            quote, market: gathered.market, requestId: try gathered.request?.requireID(), in: target,
            rates: factors.rates, provider: context.exchangeRates.name)
    }

    /// The facts for `input`, from its request or inline, with the market, trip and customer read.
    func gather(_ input: PriceCalculationInput) async throws -> Gathered {
        let principal = try context.requirePrincipal()
        var facts: PricingFacts
        let request: DeliveryRequest?
        let pickup: GeoPoint
        let delivery: GeoPoint
        if let requestId = input.requestId {
            var check = RuleCheck()
            input.checkCommon(&check)
            check.require(!input.describesItem, "give either requestId or the item and route, not both")
            try check.throwIfBroken()
            let found = try await DeliveryRequestService(context: context).visibleRequest(
                DeliveryRequestID(requestId), to: principal)
            facts = found.pricingFacts
            facts.pickupDate = found.pickupTimeStart
            facts.insured = input.insurance ?? found.insuranceRequired
            (request, pickup, delivery) = (found, found.pickupCoordinates, found.deliveryCoordinates)
        } else {
            (facts, pickup, delivery) = try input.inlineFacts()
            request = nil
        }
        facts.agreedPrice = input.price
        let market = RouteMarket(context: context, pickup: pickup, delivery: delivery, radiusKm: Self.routeRadiusKm)
        let openRequests = try await market.openRequests(excluding: try request?.requireID())
        let trips = try await market.upcomingTrips()
        facts.demandRatio = RouteMarket.demandRatio(openRequests: openRequests, trips: trips)
        facts.weather = input.weather
        if let tripId = input.tripId { try await readTrip(tripId, pickup: pickup, delivery: delivery, into: &facts) }
        let customerId = request?.$customer.id ?? principal.userId
        facts.firstDelivery =
            try await Delivery.query(on: context.db).filter(\.$customer.$id == customerId).count() == 0
        return Gathered(
            facts: facts, request: request, pickup: pickup, delivery: delivery,
            market: MarketFacts(
                distanceKm: (facts.distanceKm * 10).rounded() / 10, openRequests: openRequests, upcomingTrips: trips,
                demandRatio: (facts.demandRatio.map { ($0 * 100).rounded() / 100 }) ?? 1,
                detourRatio: facts.detourRatio.map { ($0 * 1000).rounded() / 1000 },
                travelerRating: facts.travelerRating, travelerCompletedDeliveries: facts.travelerCompletedDeliveries,
                weather: facts.weather, pickupDate: facts.pickupDate, firstDelivery: facts.firstDelivery))
    }

    /// The detour the trip makes for the item, its traveler's record, and its weather unless one was given.
    private func readTrip(
        _ tripId: UUID, pickup: GeoPoint, delivery: GeoPoint, into facts: inout PricingFacts
    )
        async throws
    {
        guard let trip = try await Trip.find(tripId, on: context.db),
            trip.visibility == .public || context.principal?.isAdmin == true
                || trip.$traveler.id == context.principal?.userId
        else { throw TripsError.tripNotFound }
        let origin = GeoPoint(lat: trip.originLat, lng: trip.originLng)
        let destination = GeoPoint(lat: trip.destinationLat, lng: trip.destinationLng)
        let direct = origin.distanceKm(to: destination)
        if direct > 0 {
            let detour =
                origin.distanceKm(to: pickup) + pickup.distanceKm(to: delivery) + delivery.distanceKm(to: destination)
                - direct
            facts.detourRatio = max(0, detour) / direct
        }
        let traveler = try await MemberDirectory.summaries(of: [trip.$traveler.id], on: context.db)[trip.$traveler.id]
        facts.travelerRating = traveler?.rating
        facts.travelerCompletedDeliveries = traveler?.completedDeliveries
        if facts.weather == nil,
            let weather = try await TripWeather.query(on: context.db).filter(\.$trip.$id == tripId).first(),
            weather.travelConditions != .unavailable
        {
            facts.weather = weather.travelConditions.rawValue
        }
    }
}
