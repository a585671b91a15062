import Foundation
import Testing

@testable import Platform

@Suite("Money")
struct MoneyTests {
    let eur = Currency.eur

    @Test("encodes as minor units with the currency code and decodes back; unknown currencies are refused")
    func json() throws {
        let price = Money(amount: 1250, currency: eur)
        let data = try JSONEncoder().encode(price)
        #expect(String(decoding: data, as: UTF8.self).contains(#""amount":1250"#))
        #expect(String(decoding: data, as: UTF8.self).contains(#""currency":"EUR""#))
        #expect(try JSONDecoder().decode(Money.self, from: data) == price)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount":1,"currency":"XXX"}"#.utf8))
        }
        #expect(Currency(code: "jpy")?.minorUnitDigits == 0)
        #expect(Currency(code: "KWD")?.minorUnitDigits == 3)
    }

    @Test("arithmetic refuses mixed currencies and overflow")
    func arithmetic() throws {
        let a = Money(amount: 1000, currency: eur)
        #expect(try a.adding(Money(amount: 250, currency: eur)).amount == 1250)
        #expect(try a.subtracting(Money(amount: 1250, currency: eur)).amount == -250)
        #expect(throws: MoneyError.currencyMismatch("EUR", "USD")) { try a.adding(Money(amount: 1, currency: .usd)) }
        #expect(throws: MoneyError.overflow) {
            try Money(amount: .max, currency: eur).adding(Money(amount: 1, currency: eur))
        }
    }

    @Test("amounts of one currency compare; two currencies throw instead of ending the process")
    func comparison() throws {
        let small = Money(amount: 500, currency: eur)
        let large = Money(amount: 900, currency: eur)
        #expect(try small.isLess(than: large))
        #expect(try !large.isLess(than: small))
        #expect(try small.compared(to: Money(amount: 500, currency: eur)) == .orderedSame)
        #expect(throws: MoneyError.currencyMismatch("EUR", "USD")) {
            try small.isLess(than: Money(amount: 1, currency: .usd))
        }
    }

    @Test("multiplication rounds half to even on minor units")
    func rounding() throws {
        let base = Money(amount: 1005, currency: eur)
        #expect(try base.multiplied(by: Decimal(string: "0.5")!).amount == 502)  // 502.5 → 502
        // 507.5 → 508
        #expect(try Money(amount: 1015, currency: eur).multiplied(by: Decimal(string: "0.5")!).amount == 508)
        #expect(try Money(amount: 2000, currency: eur).share(basisPoints: 1250).amount == 250)  // 12.5 %
        // 1498.5 → 1498
        #expect(try Money(amount: 999, currency: eur).multiplied(by: Decimal(string: "1.5")!).amount == 1498)
    }

    @Test("allocation always adds up to the whole", arguments: [1, 7, 100, 101, 999, 10_001, -101])
    func allocation(amount: Int64) throws {
        let money = Money(amount: amount, currency: eur)
        for weights in [[1, 1, 1], [85, 15], [1, 0, 2], [3, 3, 3, 1]] {
            let parts = try money.allocated(weights)
            #expect(parts.map(\.amount).reduce(0, +) == amount)
            #expect(parts.count == weights.count)
        }
        #expect(try Money(amount: 100, currency: eur).allocated([1, 1, 1]).map(\.amount) == [34, 33, 33])
        #expect(throws: MoneyError.invalidAllocation) { try money.allocated([0, 0]) }
    }

    @Test("formats with the currency's decimals")
    func formatting() {
        #expect(Money(amount: 1250, currency: eur).description == "12.50 EUR")
        #expect(Money(amount: -5, currency: eur).description == "-0.05 EUR")
        #expect(Money(amount: 1500, currency: Currency(code: "JPY")!).description == "1500 JPY")
        #expect(Money(amount: 1234, currency: Currency(code: "KWD")!).description == "1.234 KWD")
    }
}
