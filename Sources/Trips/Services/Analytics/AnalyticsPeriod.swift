import Foundation
import Platform

/// The `?from=&to=` period of the statistics: ISO-8601 timestamps or calendar days (`2026-11-01`, midnight UTC),
/// `to` exclusive. Without them, the 30 days before now.
enum AnalyticsPeriod {
    static let defaultLength: TimeInterval = 30 * 24 * 3600
    static let maxLength: TimeInterval = 366 * 24 * 3600

    static func parse(from: String?, to: String?, now: Date) throws -> Range<Date> {
        var check = RuleCheck()
        let end = to.map { parse($0, field: "to", check: &check) } ?? now
        let start = from.map { parse($0, field: "from", check: &check) } ?? end.map { $0 - defaultLength }
        try check.throwIfBroken()
        guard let start, let end else { throw APIError.validation(["from and to must be dates"]) }
        check.require(start < end, "from must be before to")
        check.require(end.timeIntervalSince(start) <= maxLength, "the period may span at most 366 days")
        try check.throwIfBroken()
        return start..<end
    }

    private static func parse(_ text: String, field: String, check: inout RuleCheck) -> Date? {
        if let day = TextRules.calendarDate(text) { return day }
        if let moment = ISOTimestamp.parse(text) { return moment }
        check.fail("\(field) must be a date (2026-11-01) or an ISO-8601 timestamp")
        return nil
    }
}
