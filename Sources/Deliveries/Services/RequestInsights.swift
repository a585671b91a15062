import Fluent
import Foundation
import Payments
import Platform
import Trips
import Vapor

/// Numbers about requests and offers, computed from the rows themselves.
struct RequestInsights {
    struct PopularRoute: Content {
        var from: String
        var to: String
        var requestCount: Int
        var averageDistanceKm: Double
        /// Average maximum price per currency.
        var averageMaxPrice: [Money]
    }

    struct OfferCounts: Content {
        var total = 0
        var pending = 0
        var accepted = 0
        var declined = 0
        var withdrawn = 0
        var expired = 0

        init(_ offers: [DeliveryOffer]) {
            total = offers.count
            for offer in offers {
                switch offer.status {
                case .pending: pending += 1
                case .accepted: accepted += 1
                case .declined: declined += 1
                case .withdrawn: withdrawn += 1
                case .expired: expired += 1
                }
            }
        }
    }

    struct RequestStatistics: Content {
        var requests: [String: Int]
        var offersReceived: Int
        var averageOffersPerRequest: Double
        var averageAcceptedPrice: [Money]
        var averageMinutesToFirstOffer: Double?
    }

    struct RequestAnalytics: Content {
        var requestId: UUID
        var status: DeliveryRequestStatus
        var offers: OfferCounts
        var lowestPrice: Money?
        var highestPrice: Money?
        var averagePrice: Money?
        var offersBelowEstimate: Int
        var estimatedPrice: PriceEstimate
        var maxPrice: Money
        var minutesToFirstOffer: Double?
        var expiresAt: Date
    }

    struct OfferStatistics: Content {
        var offers: OfferCounts
        /// Accepted among offers the customer decided on or let expire, 0…1.
        var acceptanceRate: Double
        var averagePrice: [Money]
        var acceptedValue: [Money]
    }

    let context: CallContext

    /// The most requested city pairs of the last 90 days.
    func popularRoutes(limit: Int = 10) async throws -> [PopularRoute] {
        let since = context.now.addingTimeInterval(-90 * 24 * 3600)
        let requests = try await DeliveryRequest.query(on: context.db).filter(\.$createdAt >= since)
            .sort(\.$createdAt, .descending).limit(5000).all()
        var groups: [String: (from: String, to: String, requests: [DeliveryRequest])] = [:]
        for request in requests {
            let from = try await city(near: request.pickupCoordinates) ?? request.pickupAddress
            let to = try await city(near: request.deliveryCoordinates) ?? request.deliveryAddress
            groups["\(from)→\(to)", default: (from, to, [])].requests.append(request)
        }
        return groups.values.sorted { ($0.requests.count, $1.from) > ($1.requests.count, $0.from) }.prefix(limit).map {
            group in
            PopularRoute(
                from: group.from, to: group.to, requestCount: group.requests.count,
                averageDistanceKm: (group.requests.map(\.distanceKm).reduce(0, +) / Double(group.requests.count))
                    .rounded(),
                averageMaxPrice: Self.averages(
                    group.requests.map { Money(amount: $0.maxPrice, currency: $0.priceCurrency) }))
        }
    }

    func statistics(for customerId: UUID) async throws -> RequestStatistics {
        let requests = try await DeliveryRequest.query(on: context.db).filter(\.$customer.$id == customerId).all()
        let ids = try requests.map { try $0.requireID() }
        let offers =
            ids.isEmpty ? [] : try await DeliveryOffer.query(on: context.db).filter(\.$request.$id ~~ ids).all()
        var byStatus = Dictionary(uniqueKeysWithValues: DeliveryRequestStatus.allCases.map { ($0.rawValue, 0) })
        for request in requests { byStatus[request.status.rawValue, default: 0] += 1 }
        let firstOffers = Dictionary(grouping: offers, by: { $0.$request.id }).compactMapValues {
            $0.compactMap(\.createdAt).min()
        }
        let waits = requests.compactMap { request -> Double? in
            guard let id = request.id, let first = firstOffers[id], let created = request.createdAt else { return nil }
            return first.timeIntervalSince(created) / 60
        }
        return RequestStatistics(
            requests: byStatus, offersReceived: offers.count,
            averageOffersPerRequest: requests.isEmpty
                ? 0 : (Double(offers.count) / Double(requests.count) * 100).rounded() / 100,
            averageAcceptedPrice: Self.averages(offers.filter { $0.status == .accepted }.map(\.money)),
            averageMinutesToFirstOffer: waits.isEmpty ? nil : (waits.reduce(0, +) / Double(waits.count)).rounded())
    }

    func analytics(of request: DeliveryRequest) async throws -> RequestAnalytics {
        let offers = try await DeliveryOffer.query(on: context.db).filter(\.$request.$id == request.requireID()).all()
        let live = offers.filter { $0.status != .withdrawn }
        let prices = live.map(\.price)
        let currency = request.priceCurrency
        let estimate = request.priceEstimate(try await context.pricingFactors(), at: context.now)
        let first = offers.compactMap(\.createdAt).min()
        return RequestAnalytics(
            requestId: try request.requireID(), status: request.status, offers: OfferCounts(offers),
            lowestPrice: prices.min().map { Money(amount: $0, currency: currency) },
            highestPrice: prices.max().map { Money(amount: $0, currency: currency) },
            averagePrice: Self.averages(live.map(\.money)).first,
            offersBelowEstimate: prices.filter { $0 < estimate.recommended.amount }.count, estimatedPrice: estimate,
            maxPrice: Money(amount: request.maxPrice, currency: currency),
            minutesToFirstOffer: zip(first, request.createdAt).map { ($0.timeIntervalSince($1) / 60).rounded() },
            expiresAt: request.expiresAt)
    }

    func offerStatistics(for travelerId: UUID) async throws -> OfferStatistics {
        let offers = try await DeliveryOffer.query(on: context.db).filter(\.$traveler.$id == travelerId).all()
        let counts = OfferCounts(offers)
        let decided = counts.accepted + counts.declined + counts.expired
        return OfferStatistics(
            offers: counts,
            acceptanceRate: decided == 0 ? 0 : (Double(counts.accepted) / Double(decided) * 1000).rounded() / 1000,
            averagePrice: Self.averages(offers.map(\.money)),
            acceptedValue: Self.totals(offers.filter { $0.status == .accepted }.map(\.money)))
    }

    private func city(near point: GeoPoint) async throws -> String? {
        try await context.geocoder.reverseGeocode(point).map { "\($0.name), \($0.countryCode)" }
    }

    /// The rounded average of each currency's amounts, currencies in code order.
    static func averages(_ amounts: [Money]) -> [Money] {
        Dictionary(grouping: amounts, by: \.currency).map { currency, values in
            Money(
                amount: Int64((Double(values.map(\.amount).reduce(0, +)) / Double(values.count)).rounded()),
                currency: currency)
        }.sorted { $0.currency.code < $1.currency.code }
    }

    static func totals(_ amounts: [Money]) -> [Money] {
        Dictionary(grouping: amounts, by: \.currency).map { currency, values in
            Money(amount: values.map(\.amount).reduce(0, +), currency: currency)
        }.sorted { $0.currency.code < $1.currency.code }
    }
}

extension DeliveryOffer {
    var money: Money { Money(amount: price, currency: Currency(code: currency) ?? .eur) }
}

private func zip<A, B>(_ first: A?, _ second: B?) -> (A, B)? {
    guard let first, let second else { return nil }
    return (first, second)
}
