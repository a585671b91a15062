import Foundation
import Platform
import Vapor

/// Capacity offered and reserved over a set of trips, and the share in use (0…1, three decimals).
public struct CapacityUsage: Content, Sendable {
    public struct Utilization: Content, Sendable {
        public var weight: Double
        public var volume: Double
        public var items: Double
    }

    public var offered: CapacityAmount
    public var reserved: CapacityAmount
    public var utilization: Utilization
}

/// `GET /trips/analytics`: the signed-in traveler's trips at a glance.
public struct TripAnalyticsOverview: Content, Sendable {
    public struct UpcomingTrip: Content, Sendable {
        public var id: UUID
        public var title: String
        public var departureTime: Date
        public var origin: String
        public var destination: String
        public var availableCapacity: CapacityAmount
    }

    public var totalTrips: Int
    /// Every status, zero included.
    public var byStatus: [String: Int]
    /// Over trips not cancelled.
    public var totalDistanceKm: Double
    public var completedDistanceKm: Double
    /// Over trips not cancelled.
    public var capacity: CapacityUsage
    public var nextDeparture: Date?
    /// The next five upcoming trips.
    public var upcoming: [UpcomingTrip]
}

/// `GET /trips/analytics/statistics`: trips departing in `[from, to)`.
public struct TripPeriodStatistics: Content, Sendable {
    public struct Period: Content, Sendable {
        public var from: Date
        public var to: Date
    }

    public struct Reservations: Content, Sendable {
        public var held: Int
        public var released: Int
    }

    public var period: Period
    public var totalTrips: Int
    public var byStatus: [String: Int]
    public var byTripType: [String: Int]
    /// Distance and duration over trips not cancelled.
    public var totalDistanceKm: Double
    public var averageDistanceKm: Double
    public var averageDurationMinutes: Int
    public var capacity: CapacityUsage
    public var reservations: Reservations
}

/// `GET /trips/analytics/{tripId}/performance`: how well one trip's capacity sells.
public struct TripPerformance: Content, Sendable {
    /// What capacity is worth at the trip's prices (see `CapacityValue`).
    public struct Revenue: Content, Sendable {
        public var reserved: Money
        public var remaining: Money
        public var fullCapacity: Money
    }

    public struct Reservations: Content, Sendable {
        public var held: Int
        public var released: Int
    }

    public var tripId: UUID
    public var status: TripStatus
    public var distanceKm: Double
    public var departureTime: Date
    public var capacity: CapacityUsage
    public var available: CapacityAmount
    public var reservations: Reservations
    public var revenuePotential: Revenue
}

/// A city at one end of a route; for points far from any known city, the rounded coordinates name it.
public struct RoutePlace: Content, Sendable, Hashable {
    public var name: String
    public var country: String?
    public var countryCode: String?
    public var coordinates: GeoPoint
}

/// Average prices of the trips on a route in one currency.
public struct RoutePricing: Content, Sendable {
    public var currency: String
    public var trips: Int
    public var averageBasePrice: Money
    public var averagePricePerKg: Money
}

/// `GET /trips/analytics/popular-routes`: one city pair and how busy it is.
public struct PopularRouteResponse: Content, Sendable {
    public var origin: RoutePlace
    public var destination: RoutePlace
    public var tripCount: Int
    public var upcomingTrips: Int
    public var averageDistanceKm: Double
    public var pricing: [RoutePricing]
}

/// `GET /trips/analytics/recommendations`: routes worth posting and what to charge.
public struct TripRecommendationsResponse: Content, Sendable {
    public struct Recommendation: Content, Sendable {
        /// `repeat_route` (one of your routes), `popular_near_you` (busy route through a city you travel
        /// through), `popular_route` (busy route, for travelers without history).
        public var kind: String
        public var origin: RoutePlace
        public var destination: RoutePlace
        public var reason: String
        /// Suggested prices in `currency`: the market's averages on the route, else your own; nil without data.
        public var suggestedPricing: SuggestedPricing?
    }

    public struct SuggestedPricing: Content, Sendable {
        /// `market` or `your_trips`.
        public var basis: String
        public var trips: Int
        public var basePrice: Money
        public var pricePerKg: Money
    }

    /// The traveler's preferred currency, in which prices are suggested.
    public var currency: String
    public var recommendations: [Recommendation]
}
