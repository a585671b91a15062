import Foundation
import Platform
import Testing

@testable import Payments

/// The money rules as pure functions: quotes, policy shares, dispute divisions, payout fees.
@Suite("Unit: quotes, cancellation shares, dispute divisions, payout fees")
struct MoneyRulesTests {
    /// The fee schedule of the seeded pricing factors: 15 % commission, 2.9 % + 30 processing, 1 % insurance
    /// of at least 200.
    static let standard = PricingFactorSet.defaults.feeSchedule(at: Date(), in: .eur)

    @Test("a quote itemises price, commission, processing fee and insurance; every amount is whole minor units")
    func quote() {
        let quote = Self.standard.quote(price: 4500, currency: "eur")
        #expect(quote.currency == "EUR")
        #expect(quote.platformFee == 675)
        #expect(quote.processingFee == 131 + 30)
        #expect(quote.total == 4661)
        #expect(quote.travelerEarnings == 3825)
        let insured = Self.standard.quote(price: 4500, currency: "EUR", insuredValue: 80_000)
        #expect(insured.insuranceFee == 800)
        #expect(insured.total == 4500 + 800 + FeeSchedule.share(5300, 290) + 30)
        let cheapItem = Self.standard.quote(price: 1000, currency: "EUR", insuredValue: 1000)
        #expect(cheapItem.insuranceFee == 200, "the minimum premium")
        let credited = Self.standard.quote(price: 1000, currency: "EUR", credits: 5000)
        #expect(credited.creditsApplied == 1000, "credits never exceed the price")
        #expect(credited.total == 0)
        #expect(credited.processingFee == 0, "nothing charged, nothing processed")
    }

    @Test("half-up rounding of basis-point shares")
    func rounding() {
        #expect(FeeSchedule.share(1, 5000) == 1)
        #expect(FeeSchedule.share(3, 1500) == 0)
        #expect(FeeSchedule.share(33, 1500) == 5)
        #expect(FeeSchedule.share(100_000_000, 10_000) == 100_000_000)
    }

    @Test("a cancellation rule's shares add up to what is held, the traveler's rounded down")
    func cancellationShares() {
        let rule = CancellationPolicyRule()
        rule.customerRefundBps = 5_000
        rule.travelerShareBps = 5_000
        #expect(rule.shares(of: 4501) == EscrowShares(traveler: 2250, commission: 0, customer: 2251))
        rule.customerRefundBps = 7_000
        rule.travelerShareBps = 2_000
        let shares = rule.shares(of: 1001)
        #expect(shares.traveler + shares.customer + shares.commission == 1001)
        #expect(shares == EscrowShares(traveler: 200, commission: 100, customer: 701))
    }

    @Test("the applicable rule is the largest threshold reached; a pickup already past counts as zero hours")
    func applicableRule() {
        func rule(_ role: String, _ hours: Int) -> CancellationPolicyRule {
            let rule = CancellationPolicyRule()
            rule.cancelledBy = role
            rule.minHoursBeforePickup = hours
            return rule
        }
        let rules = [rule("customer", 24), rule("customer", 0), rule("traveler", 0)]
        #expect(
            CancellationPolicyRule.applicable(rules, cancelledBy: "customer", hoursBefore: 30)?.minHoursBeforePickup
                == 24)
        #expect(
            CancellationPolicyRule.applicable(rules, cancelledBy: "customer", hoursBefore: 23.9)?.minHoursBeforePickup
                == 0)
        #expect(
            CancellationPolicyRule.applicable(rules, cancelledBy: "customer", hoursBefore: -5)?.minHoursBeforePickup
                == 0)
        #expect(CancellationPolicyRule.applicable(rules, cancelledBy: "admin", hoursBefore: 30) == nil)
    }

    @Test("dispute outcomes divide the stake exactly; impossible amounts are refused")
    func disputeShares() throws {
        let stake = DisputeStake(total: 4500, commission: 675)
        #expect(try stake.shares(.fullRefund, customerAmount: nil, travelerAmount: nil) == .refund(of: 4500))
        #expect(
            try stake.shares(.release, customerAmount: nil, travelerAmount: nil) == .release(of: 4500, commission: 675))
        #expect(
            try stake.shares(.partialRefund, customerAmount: 1000, travelerAmount: nil)
                == EscrowShares(traveler: 2825, commission: 675, customer: 1000))
        #expect(
            try stake.shares(.partialRefund, customerAmount: 4000, travelerAmount: nil)
                == EscrowShares(traveler: 0, commission: 500, customer: 4000), "the traveler's share goes first")
        #expect(
            try stake.shares(.split, customerAmount: 2000, travelerAmount: 2000)
                == EscrowShares(traveler: 2000, commission: 500, customer: 2000))
        #expect(throws: APIError.self) { try stake.shares(.split, customerAmount: 4000, travelerAmount: 1000) }
        #expect(throws: APIError.self) { try stake.shares(.partialRefund, customerAmount: 0, travelerAmount: nil) }
        #expect(throws: APIError.self) { try stake.shares(.split, customerAmount: -1, travelerAmount: 10) }
    }

    @Test("instant payouts cost 1 %, at least 50; standard ones nothing")
    func payoutFees() {
        #expect(PayoutRules.fee(for: 3000, type: .instant) == 50)
        #expect(PayoutRules.fee(for: 10_000, type: .instant) == 100)
        #expect(PayoutRules.fee(for: 10_000, type: .standard) == 0)
        #expect(PayoutRules.minimum(for: .standard) == 1000)
    }
}
