import Foundation
import Payments
import Testing

/// The rules a transfer must keep before it reaches the database.
@Suite("Transfer rules")
struct TransferRequestTests {
    let delivery = UUID()
    let customer = UUID()
    var cause: TransferCause { TransferCause("payment_captured", referenceType: "delivery", referenceId: delivery) }
    var funding: LedgerAccountRef { LedgerAccountRef(.customerFunding, owner: customer, currency: "EUR") }
    var escrow: LedgerAccountRef { LedgerAccountRef(.escrow, owner: delivery, currency: "EUR") }

    @Test("a plain move balances and moves its amount")
    func move() {
        let transfer = TransferRequest.move(10_000, from: funding, to: escrow, key: "k1", cause: cause)
        #expect(transfer.problems.isEmpty)
        #expect(transfer.amount == 10_000)
        #expect(transfer.currency == "EUR")
    }

    @Test("unbalanced, one-legged, zero, repeated-account, mixed-currency and keyless transfers are refused")
    func refused() {
        typealias Leg = TransferRequest.Leg
        let revenue = LedgerAccountRef(.platformRevenue, currency: "EUR")
        let dollars = LedgerAccountRef(.platformRevenue, currency: "USD")
        let cases: [([Leg], String, String)] = [
            ([Leg(funding, -100), Leg(escrow, 99)], "k", "a transfer's legs must sum to zero"),
            ([Leg(escrow, 100)], "k", "a transfer needs at least two legs"),
            ([Leg(funding, 0), Leg(escrow, 0)], "k", "a transfer's legs move money"),
            ([Leg(escrow, -100), Leg(escrow, 100)], "k", "a transfer names each account once"),
            ([Leg(funding, -100), Leg(dollars, 100)], "k", "a transfer moves one currency"),
            ([Leg(funding, -100), Leg(revenue, 100)], "", "a transfer needs an idempotency key"),
            ([Leg(funding, .min), Leg(escrow, .min)], "k", "a transfer's legs must sum to zero"),
        ]
        for (legs, key, problem) in cases {
            let transfer = TransferRequest(idempotencyKey: key, cause: cause, legs: legs)
            #expect(transfer.problems.contains(problem), "\(legs) → \(transfer.problems)")
        }
    }

    @Test("an unknown currency is refused")
    func unknownCurrency() {
        let transfer = TransferRequest.move(
            100, from: LedgerAccountRef(.customerFunding, owner: customer, currency: "XXX"),
            to: LedgerAccountRef(.escrow, owner: delivery, currency: "XXX"), key: "k", cause: cause)
        #expect(transfer.problems == ["a transfer's currency must be one the platform knows"])
    }

    @Test("account codes name kind, owner and currency")
    func codes() {
        #expect(escrow.code == "escrow:\(delivery.uuidString.lowercased()):EUR")
        #expect(LedgerAccountRef(.platformRevenue, currency: "eur").code == "platform_revenue:EUR")
        #expect(LedgerAccountKind.customerFunding.isSource && !LedgerAccountKind.escrow.isSource)
    }
}
