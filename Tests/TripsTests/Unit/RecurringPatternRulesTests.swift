import Foundation
import Platform
import Testing

@testable import Trips

@Suite("Unit: recurring pattern rules")
struct RecurringPatternRulesUnitTests {
    static func check(_ input: RecurringPatternInput?, isRecurring: Bool = true) -> (RecurringPattern?, [String]) {
        var check = RuleCheck()
        let pattern = RecurringPatternRules.pattern(from: input, isRecurring: isRecurring, check: &check)
        return (pattern, check.problems)
    }

    @Test("a weekly pattern is read with its days sorted once each, its end date as a UTC day, interval 1 by default")
    func valid() throws {
        let (pattern, problems) = Self.check(
            RecurringPatternInput(frequency: "weekly", daysOfWeek: [5, 1, 5, 3], endDate: "2026-06-30"))
        #expect(problems.isEmpty)
        let read = try #require(pattern)
        #expect(read.frequency == .weekly)
        #expect(read.interval == 1)
        #expect(read.daysOfWeek == [1, 3, 5])
        #expect(read.endDate == utc("2026-06-30"))
        #expect(read.occurrences == nil)
    }

    @Test("a trip that is not recurring needs no pattern and may not carry one")
    func onlyForRecurringTrips() {
        #expect(Self.check(nil, isRecurring: false).1.isEmpty)
        #expect(
            Self.check(RecurringPatternInput(frequency: "daily", occurrences: 2), isRecurring: false).1 == [
                "recurringPattern needs isRecurring: true"
            ])
        #expect(Self.check(nil).1 == ["recurringPattern is required for a recurring trip"])
    }

    static let broken: [(RecurringPatternInput, String)] = [
        (
            RecurringPatternInput(frequency: "monthly", occurrences: 2),
            "recurringPattern.frequency must be daily or weekly"
        ),
        (RecurringPatternInput(frequency: "daily", interval: 0, occurrences: 2), "interval must be between 1 and 30"),
        (RecurringPatternInput(frequency: "daily", interval: 31, occurrences: 2), "interval must be between 1 and 30"),
        (
            RecurringPatternInput(frequency: "weekly", daysOfWeek: [0], occurrences: 2),
            "daysOfWeek must be 1 (Monday) to 7"
        ),
        (
            RecurringPatternInput(frequency: "weekly", daysOfWeek: [8], occurrences: 2),
            "daysOfWeek must be 1 (Monday) to 7"
        ),
        (RecurringPatternInput(frequency: "daily", daysOfWeek: [1], occurrences: 2), "only applies to weekly patterns"),
        (RecurringPatternInput(frequency: "daily", endDate: "2026-02-30"), "endDate must be a date such as 2027-03-31"),
        (RecurringPatternInput(frequency: "daily", endDate: "30/06/2026"), "endDate must be a date such as 2027-03-31"),
        (RecurringPatternInput(frequency: "daily", occurrences: 0), "occurrences must be between 1 and 52"),
        (RecurringPatternInput(frequency: "daily", occurrences: 53), "occurrences must be between 1 and 52"),
        (RecurringPatternInput(frequency: "daily"), "recurringPattern needs an endDate or occurrences"),
    ]

    @Test("each broken rule is reported", arguments: broken)
    func brokenRules(input: RecurringPatternInput, message: String) {
        let problems = Self.check(input).1
        #expect(problems.count == 1)
        #expect(problems.first?.contains(message) == true, "\(problems)")
    }

    @Test("the limits themselves are accepted", arguments: [(1, 1), (30, 52)])
    func limits(interval: Int, occurrences: Int) {
        #expect(
            Self.check(RecurringPatternInput(frequency: "daily", interval: interval, occurrences: occurrences)).1
                .isEmpty)
    }

    @Test("every broken rule of one pattern is reported at once")
    func allAtOnce() {
        let problems = Self.check(RecurringPatternInput(frequency: "yearly", interval: 0, daysOfWeek: [9])).1
        #expect(problems.count == 4)
    }
}
