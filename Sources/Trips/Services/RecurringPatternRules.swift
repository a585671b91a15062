import Foundation
import Platform

/// Validates a recurring pattern from the API.
enum RecurringPatternRules {
    static func pattern(
        from input: RecurringPatternInput?, isRecurring: Bool, check: inout RuleCheck
    )
        -> RecurringPattern?
    {
        guard isRecurring else {
            if input != nil { check.fail("recurringPattern needs isRecurring: true") }
            return nil
        }
        guard let input else {
            check.fail("recurringPattern is required for a recurring trip")
            return nil
        }
        let frequency = input.frequency.flatMap(RecurringPattern.Frequency.init(rawValue:))
        check.require(frequency != nil, "recurringPattern.frequency must be daily or weekly")
        let interval = input.interval ?? 1
        check.require((1...30).contains(interval), "recurringPattern.interval must be between 1 and 30")
        let days = input.daysOfWeek ?? []
        check.require(days.allSatisfy { (1...7).contains($0) }, "recurringPattern.daysOfWeek must be 1 (Monday) to 7")
        check.require(
            frequency != .daily || days.isEmpty, "recurringPattern.daysOfWeek only applies to weekly patterns")
        var endDate: Date?
        if let raw = input.endDate {
            endDate = TextRules.calendarDate(raw)
            check.require(endDate != nil, "recurringPattern.endDate must be a date such as 2027-03-31")
        }
        if let occurrences = input.occurrences {
            check.require(
                (1...RecurringSchedule.maxOccurrences).contains(occurrences),
                "recurringPattern.occurrences must be between 1 and \(RecurringSchedule.maxOccurrences)")
        }
        check.require(
            input.endDate != nil || input.occurrences != nil, "recurringPattern needs an endDate or occurrences")
        guard let frequency else { return nil }
        return RecurringPattern(
            frequency: frequency, interval: interval, daysOfWeek: Array(Set(days)).sorted(), endDate: endDate,
            occurrences: input.occurrences)
    }
}
