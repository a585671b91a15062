import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing
import Vapor

@testable import Deliveries
@testable import Trips

/// `data` of a success envelope, decoded into the type the route returns.
struct PricingEnvelope<Payload: Decodable>: Decodable {
    var data: Payload

    static func decode(_ response: APIResponse) throws -> Payload {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Self.self, from: response.body).data
    }
}

/// Quotes over HTTP (`POST /payments/calculate-price`), the admins' pricing factors, and exchange rates.
@Suite("Pricing: quotes, factors and exchange rates")
struct PricingRoutesTests {
    /// A Wednesday in March: no seasonal or weekend factor applies to pickups on it.
    static let wednesday = ISO8601DateFormatter().date(from: "2027-03-10T09:00:00Z") ?? Date()

    /// The fixture request's item and route, inline: Camden to Montmartre (343.8 km), a 2 kg laptop worth 800 EUR.
    static func inlineBody(_ overrides: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "pickup": ["lat": 51.539, "lng": -0.1426], "delivery": ["lat": 48.8867, "lng": 2.3431], "weight": 2,
            "volume": 3.5, "value": 80_000, "category": "electronics", "pickupDate": "2027-03-10T10:00:00Z",
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    static func quote(_ t: TestApp, _ body: [String: Any], token: String) async throws -> PriceCalculationResponse {
        let response = try await t.request(.POST, "/api/v1/payments/calculate-price", json: body, token: token)
        #expect(response.status == .ok, "\(response.text)")
        return try PricingEnvelope<PriceCalculationResponse>.decode(response)
    }

    static func addsUp(_ quote: PriceCalculationResponse) -> Bool {
        quote.breakdown.filter { !$0.included }.map(\.amount.amount).reduce(0, +) == quote.total.amount
    }

    @Test("an inline quote: (5 + 17.19 + 3 + 4) × 1.3 = 37.95, so 38 EUR, plus 2.9 % + 30 processing: 39.40")
    func inlineQuote() async throws {
        try await withTestApp { t in
            t.clock.set(Self.wednesday)
            let customer = try await t.signUp(userType: "customer")
            let quote = try await Self.quote(t, Self.inlineBody(), token: customer.accessToken)
            #expect(quote.currency == "EUR")
            #expect(quote.estimatedPrice.recommended.amount == 3800)
            #expect(quote.estimatedPrice.min.amount == 2800 && quote.estimatedPrice.max.amount == 5700)
            #expect(quote.total.amount == 3940)
            #expect(quote.range.min.amount == 2800 + 81 + 30 && quote.range.max.amount == 5700 + 165 + 30)
            #expect(
                quote.breakdown.map(\.factor) == [
                    "base_fee", "distance_first_500km", "weight", "declared_value", "category_electronics", "rounding",
                    "platform_commission", "processing_rate", "processing_fixed",
                ])
            #expect(quote.breakdown.first?.amount == Money(amount: 500, currency: .eur))
            let commission = try #require(quote.breakdown.first { $0.factor == "platform_commission" })
            #expect(commission.included && commission.amount.amount == 570)
            #expect(Self.addsUp(quote))
            #expect(quote.fees.travelerEarnings.amount == 3800 - 570)
            #expect(quote.market.openRequests == 0 && quote.market.upcomingTrips == 0)
            #expect(quote.market.demandRatio == 1)
            #expect(quote.market.firstDelivery == true)
            #expect(quote.exchange == nil)
        }
    }

    @Test("a posted request quoted in another currency: every amount at the dated rate, the lines still adding up")
    func convertedRequestQuote() async throws {
        try await withTestApp { t in
            t.clock.set(Self.wednesday)
            let customer = try await t.signUp(userType: "customer")
            let requestId = try await t.createRequest(for: customer)
            let euros = try await Self.quote(t, ["requestId": requestId], token: customer.accessToken)
            #expect(euros.total.amount == 3940)
            #expect(euros.requestId?.uuidString.lowercased() == requestId.lowercased())

            let dollars = try await Self.quote(
                t, ["requestId": requestId, "currency": "USD"], token: customer.accessToken)
            #expect(dollars.currency == "USD")
            #expect(dollars.total == Money(amount: 4255, currency: .usd), "3940 × 1.08 = 4255.2")
            #expect(dollars.estimatedPrice.recommended.amount == 4104)
            #expect(Self.addsUp(dollars))
            let exchange = try #require(dollars.exchange)
            #expect(exchange.rate == Decimal(108) / 100 && exchange.asOf == "2026-01-02")
            #expect(exchange.from == "EUR" && exchange.provider == "offline")
        }
    }

    @Test("exchange rates from any base the table knows, dated; an unknown base is a 422")
    func exchangeRates() async throws {
        try await withTestApp { t in
            let euro = try await t.request(.GET, "/api/v1/payments/exchange-rates")
            #expect(euro.status == .ok, "\(euro.text)")
            #expect(euro.string("data.base") == "EUR" && euro.string("data.asOf") == "2026-01-02")
            #expect(euro["data.rates.USD"] as? Double == 1.08)
            let dollar = try await t.request(.GET, "/api/v1/payments/exchange-rates?base=USD")
            #expect(dollar["data.rates.EUR"] as? Double == 0.925926)
            #expect(dollar["data.rates.GBP"] as? Double == 0.787037)
            #expect(dollar["data.rates.USD"] as? Double == 1)
            for base in ["XYZ", "eur"] {
                let refused = try await t.request(.GET, "/api/v1/payments/exchange-rates?base=\(base)")
                #expect(refused.status == .unprocessableEntity && refused.code == "VALIDATION_ERROR")
                #expect(refused.errors.count == 1)
            }
        }
    }

    @Test("an admin's edit prices the next quote and request, is in the factor's history, and sets the commission")
    func adminEdit() async throws {
        try await withTestApp { t in
            t.clock.set(Self.wednesday)
            let admin = try await t.superAdmin()
            let customer = try await t.signUp(userType: "customer")
            let before = try await Self.quote(t, Self.inlineBody(), token: customer.accessToken)
            #expect(before.estimatedPrice.recommended.amount == 3800)

            let factors = try await t.request(.GET, "/api/v1/admin/pricing-factors?limit=100", token: admin.accessToken)
            #expect(factors.status == .ok, "\(factors.text)")
            let listed = try PricingEnvelope<[PricingFactorResponse]>.decode(factors)
            #expect(listed.count == DefaultPricingFactors.rules.count)
            let base = try #require(listed.first { $0.code == "base_fee" })
            #expect(base.value == 50_000 && base.version == 1 && base.kind == .amount)
            let edited = try await t.request(
                .PATCH, "/api/v1/admin/pricing-factors/\(base.id)",
                json: ["value": 100_000, "reason": "Fuel costs rose"], token: admin.accessToken)
            #expect(edited.status == .ok, "\(edited.text)")
            let saved = try PricingEnvelope<PricingFactorResponse>.decode(edited)
            #expect(saved.value == 100_000 && saved.version == 2)
            #expect(saved.updatedBy?.uuidString.lowercased() == admin.id.lowercased())

            // (5 + 17.19 + 3 + 4 + 5 more) × 1.3 = 44.45, so 44 EUR.
            let after = try await Self.quote(t, Self.inlineBody(), token: customer.accessToken)
            #expect(after.estimatedPrice.recommended.amount == 4400)
            #expect(after.breakdown.first { $0.factor == "base_fee" }?.amount.amount == 1000)
            let created = try await t.request(
                .POST, "/api/v1/delivery-requests", json: t.requestBody(), token: customer.accessToken)
            #expect(created["data.estimatedPrice.recommended.amount"] as? Int == 4400)

            let history = try await t.request(
                .GET, "/api/v1/admin/pricing-factors/\(base.id)/history", token: admin.accessToken)
            let changes = try PricingEnvelope<[PricingFactorChangeResponse]>.decode(history)
            #expect(changes.count == 1)
            #expect(changes.first?.before.value == 50_000 && changes.first?.after.value == 100_000)
            #expect(changes.first?.reason == "Fuel costs rose")
            #expect(changes.first?.changedBy?.uuidString.lowercased() == admin.id.lowercased())
            let audited = try await AuditLogEntry.query(on: t.app.db).filter(\.$action == "pricing_factor_updated")
                .count()
            #expect(audited == 1)

            let commission = try #require(listed.first { $0.code == "platform_commission" })
            let raised = try await t.request(
                .PATCH, "/api/v1/admin/pricing-factors/\(commission.id)", json: ["value": 2_000],
                token: admin.accessToken)
            #expect(raised.status == .ok, "\(raised.text)")
            let traveler = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try #require(created.string("data.id"))
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let accepted = try await t.accept(offerId, by: customer)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted["data.paymentIntent.fees.platformFee.amount"] as? Int == 900, "20 % of 4500")
        }
    }

    @Test("factor routes are for admins; a bad edit is a 422 per broken rule and changes nothing")
    func adminErrors() async throws {
        try await withTestApp { t in
            let admin = try await t.superAdmin()
            let customer = try await t.signUp(userType: "customer")
            let path = "/api/v1/admin/pricing-factors"
            #expect(try await t.request(.GET, path).status == .unauthorized)
            #expect(try await t.request(.GET, path, token: customer.accessToken).status == .forbidden)
            let art = try #require(
                try await PricingFactor.query(on: t.app.db).filter(\.$code == "category_art").first())
            let artId = try art.requireID()
            let member = try await t.request(
                .PATCH, "\(path)/\(artId)", json: ["value": 20_000], token: customer.accessToken)
            #expect(member.status == .forbidden)
            let unknown = try await t.request(
                .PATCH, "\(path)/\(UUID())", json: ["value": 20_000], token: admin.accessToken)
            #expect(unknown.status == .notFound && unknown.code == "PRICING_FACTOR_NOT_FOUND")
            #expect(try await t.request(.GET, "\(path)/\(UUID())", token: admin.accessToken).status == .notFound)
            #expect(
                try await t.request(.GET, "\(path)/not-an-id/history", token: admin.accessToken).status == .notFound)

            let empty = try await t.request(.PATCH, "\(path)/\(artId)", json: [:], token: admin.accessToken)
            #expect(empty.status == .unprocessableEntity && empty.errors.count == 1)
            let broken = try await t.request(
                .PATCH, "\(path)/\(artId)",
                json: ["value": 500, "description": " ", "condition": ["months": [13], "weather": ["hail"]]],
                token: admin.accessToken)
            #expect(broken.status == .unprocessableEntity, "\(broken.text)")
            #expect(broken.errors.count == 4, "\(broken.errors)")
            #expect(
                broken.errors.first
                    == "value must be 1000 to 50000 (parts per 10000, 10000 = ×1) for a multiplier factor")
            let dates = try await t.request(
                .PATCH, "\(path)/\(artId)",
                json: ["effectiveFrom": "2027-01-02T00:00:00Z", "effectiveUntil": "2027-01-01T00:00:00Z"],
                token: admin.accessToken)
            #expect(dates.errors == ["effectiveUntil must be after effectiveFrom"])
            let malformed = try await t.request(
                .PATCH, "\(path)/\(artId)", json: ["effectiveFrom": "tomorrow"], token: admin.accessToken)
            #expect(malformed.errors == ["effectiveFrom must be an ISO-8601 timestamp such as 2026-11-20T10:00:00Z"])

            let unchanged = try #require(try await PricingFactor.find(artId, on: t.app.db))
            #expect(unchanged.value == 14_000 && unchanged.version == 1)
            #expect(try await PricingFactorChange.query(on: t.app.db).count() == 0)
        }
    }

    @Test("quote errors: anonymous 401, missing and invalid fields one 422 each, unknown request or trip 404")
    func quoteErrors() async throws {
        try await withTestApp { t in
            let customer = try await t.signUp(userType: "customer")
            let path = "/api/v1/payments/calculate-price"
            #expect(try await t.request(.POST, path, json: Self.inlineBody()).status == .unauthorized)
            let missing = try await t.request(.POST, path, json: [:], token: customer.accessToken)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errors.count == 5, "\(missing.errors)")
            let invalid = try await t.request(
                .POST, path, json: Self.inlineBody(["category": "weapons", "weather": "hail", "weight": 0]),
                token: customer.accessToken)
            #expect(invalid.errors.count == 3, "\(invalid.errors)")
            let date = try await t.request(
                .POST, path, json: Self.inlineBody(["pickupDate": "2027-02-30T10:00:00Z"]), token: customer.accessToken)
            #expect(date.errors == ["pickupDate must be an ISO-8601 timestamp such as 2026-11-20T10:00:00Z"])
            let currency = try await t.request(
                .POST, path, json: Self.inlineBody(["currency": "XYZ"]), token: customer.accessToken)
            #expect(currency.errors == ["currency must be an ISO 4217 code the platform knows"])
            let unknown = try await t.request(
                .POST, path, json: ["requestId": UUID().uuidString], token: customer.accessToken)
            #expect(unknown.status == .notFound)
            let requestId = try await t.createRequest(for: customer)
            let both = try await t.request(
                .POST, path, json: ["requestId": requestId, "weight": 3], token: customer.accessToken)
            #expect(both.errors == ["give either requestId or the item and route, not both"])
            let trip = try await t.request(
                .POST, path, json: Self.inlineBody(["tripId": UUID().uuidString]), token: customer.accessToken)
            #expect(trip.status == .notFound && trip.code == "TRIP_NOT_FOUND")
        }
    }

    @Test("the trip's traveler, the weather and supply and demand on the route each add their line")
    func marketAndTravelerFactors() async throws {
        try await withTestApp { t in
            t.clock.set(Self.wednesday)
            let customer = try await t.signUp(userType: "customer")
            let traveler = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: traveler)
            let withTrip = try await Self.quote(
                t, Self.inlineBody(["tripId": tripId, "weather": "poor"]), token: customer.accessToken)
            let codes = withTrip.breakdown.map(\.factor)
            #expect(codes.contains("traveler_new"), "no completed deliveries yet: \(codes)")
            #expect(codes.contains("weather_poor") && codes.contains("supply_high"))
            #expect(!codes.contains("detour_large"), "Camden and Montmartre are on the London–Paris line")
            #expect(withTrip.market.upcomingTrips == 1 && withTrip.market.demandRatio == 0.5)
            #expect((withTrip.market.detourRatio ?? 1) < 0.1)
            #expect(Self.addsUp(withTrip))

            for _ in 0..<3 { _ = try await t.createRequest(for: customer) }
            let busy = try await Self.quote(t, Self.inlineBody(), token: customer.accessToken)
            #expect(busy.market.openRequests == 3 && busy.market.demandRatio == 2)
            #expect(busy.breakdown.contains { $0.factor == "demand_high" })
            // 37.95 × 1.15 = 43.64, so 44 EUR.
            #expect(busy.estimatedPrice.recommended.amount == 4400)
        }
    }
    @Test("without a weather input, a named trip's stored forecast prices the weather")
    func tripWeather() async throws {
        try await withTestApp { t in
            t.clock.set(Self.wednesday)
            let customer = try await t.signUp(userType: "customer")
            let traveler = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: traveler)
            let now = t.clock.now()
            let severe = LocationWeather(
                coordinates: GeoPoint(lat: 51.5, lng: -0.12), time: now, windowStart: now, windowEnd: now,
                provider: "test", available: true, unavailableReason: nil, hourly: [], conditions: .severe,
                alerts: ["Storm warning"])
            let weather = TripWeather()
            weather.$trip.id = try #require(UUID(uuidString: tripId))
            weather.originWeather = severe
            weather.destinationWeather = severe
            weather.travelConditions = .severe
            weather.alerts = ["Storm warning"]
            weather.fetchedAt = now
            try await weather.create(on: t.app.db)
            let quote = try await Self.quote(t, Self.inlineBody(["tripId": tripId]), token: customer.accessToken)
            #expect(quote.market.weather == "severe")
            #expect(quote.breakdown.contains { $0.factor == "weather_severe" })
            let told = try await Self.quote(
                t, Self.inlineBody(["tripId": tripId, "weather": "good"]), token: customer.accessToken)
            #expect(!told.breakdown.contains { $0.factor.hasPrefix("weather_") }, "the caller's weather wins")
        }
    }

    @Test("concurrent edits of one factor: each saved edit raises the version once and has its history row")
    func concurrentEdits() async throws {
        try await withTestApp { t in
            let admin = try await t.superAdmin()
            let factor = try #require(
                try await PricingFactor.query(on: t.app.db).filter(\.$code == "weight").first())
            let id = try factor.requireID()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for step in 0..<8 {
                    group.addTask {
                        try await t.request(
                            .PATCH, "/api/v1/admin/pricing-factors/\(id)", json: ["value": 16_000 + step],
                            token: admin.accessToken
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let saved = statuses.filter { $0 == .ok }.count
            #expect(saved >= 1 && statuses.allSatisfy { $0 == .ok || $0 == .conflict }, "\(statuses)")
            let stored = try #require(try await PricingFactor.find(id, on: t.app.db))
            #expect(stored.version == 1 + saved)
            #expect(try await PricingFactorChange.query(on: t.app.db).filter(\.$factorId == id).count() == saved)
        }
    }

    /// Rates with the euro only.
    struct EuroOnlyRates: ExchangeRateProvider {
        var name: String { "euro-only" }
        func table() async throws -> ExchangeRateTable {
            ExchangeRateTable(reference: .eur, asOf: "2026-06-01", units: ["EUR": 1])
        }
    }

    @Test("a currency the provider has no rate for is a 422 NO_EXCHANGE_RATE; the provider's table is served")
    func missingRate() async throws {
        try await withTestApp { t in
            t.app.exchangeRates = EuroOnlyRates()
            let customer = try await t.signUp(userType: "customer")
            let requestId = try await t.createRequest(for: customer)
            let response = try await t.request(
                .POST, "/api/v1/payments/calculate-price", json: ["requestId": requestId, "currency": "USD"],
                token: customer.accessToken)
            #expect(response.status == .unprocessableEntity && response.code == "NO_EXCHANGE_RATE")
            #expect(response.errors == ["currency: no exchange rate from EUR to USD"])
            let rates = try await t.request(.GET, "/api/v1/payments/exchange-rates")
            #expect(rates.string("data.provider") == "euro-only" && rates.string("data.asOf") == "2026-06-01")
            #expect(
                try await t.request(.GET, "/api/v1/payments/exchange-rates?base=USD").status == .unprocessableEntity)
        }
    }
}
