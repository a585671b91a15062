import Foundation
import Platform
import Testing

@testable import Trips

/// "2026-03-04T10:00" read as UTC.
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text.count == 10 ? text + "T00:00:00Z" : text + ":00Z")!
}

@Suite("Unit: recurring schedule")
struct RecurringScheduleUnitTests {
    /// Wednesday 4 March 2026, 10:00 UTC.
    static let first = utc("2026-03-04T10:00")
    static let farAway = utc("2027-03-04T10:00")

    static func departures(
        _ frequency: RecurringPattern.Frequency, every interval: Int = 1, on days: [Int] = [], until end: String? = nil,
        occurrences: Int? = nil, from first: Date = first, horizon: Date = farAway
    ) -> [Date] {
        let pattern = RecurringPattern(
            frequency: frequency, interval: interval, daysOfWeek: days, endDate: end.map(utc), occurrences: occurrences)
        return RecurringSchedule.departures(after: first, pattern: pattern, horizon: horizon)
    }

    @Test("daily: the next days at the first trip's time, as many as asked, the first trip not counted")
    func daily() {
        #expect(
            Self.departures(.daily, occurrences: 3) == [
                utc("2026-03-05T10:00"), utc("2026-03-06T10:00"), utc("2026-03-07T10:00"),
            ])
    }

    @Test("every n days until an end date, the end date itself included")
    func everyThirdDayUntil() {
        #expect(
            Self.departures(.daily, every: 3, until: "2026-03-13") == [
                utc("2026-03-07T10:00"), utc("2026-03-10T10:00"), utc("2026-03-13T10:00"),
            ])
        #expect(Self.departures(.daily, every: 3, until: "2026-03-06").isEmpty)
    }

    @Test("weekly without days repeats the first trip's weekday")
    func weeklySameDay() {
        #expect(
            Self.departures(.weekly, occurrences: 3) == [
                utc("2026-03-11T10:00"), utc("2026-03-18T10:00"), utc("2026-03-25T10:00"),
            ])
    }

    @Test("weekly on chosen weekdays starts with the days left in the first trip's week")
    func weeklyChosenDays() {
        // Monday, Wednesday and Friday from a Wednesday: that Friday, then the next week's three.
        #expect(
            Self.departures(.weekly, on: [1, 3, 5], occurrences: 4) == [
                utc("2026-03-06T10:00"), utc("2026-03-09T10:00"), utc("2026-03-11T10:00"), utc("2026-03-13T10:00"),
            ])
    }

    @Test("every second week on a Tuesday, counted from the first trip's week")
    func everyOtherWeek() {
        // The first week's Tuesday (3 March) is before the first trip; the pattern skips a week each time.
        #expect(
            Self.departures(.weekly, every: 2, on: [2], occurrences: 3) == [
                utc("2026-03-17T10:00"), utc("2026-03-31T10:00"), utc("2026-04-14T10:00"),
            ])
    }

    @Test("with both an end date and a count, whichever comes first ends the series")
    func endDateOrCount() {
        #expect(Self.departures(.daily, until: "2026-03-07", occurrences: 10).count == 3)
        #expect(Self.departures(.daily, until: "2026-03-31", occurrences: 2).count == 2)
    }

    @Test("never more than 52 repetitions, whatever the pattern asks", arguments: [nil, 60, 1_000] as [Int?])
    func capAt52(occurrences: Int?) {
        #expect(Self.departures(.daily, until: "2027-01-31", occurrences: occurrences).count == 52)
    }

    @Test("nothing departs at or after the horizon, even with a later end date")
    func horizon() {
        // A horizon 98 days out, exactly on the 14th Wednesday: weeks 1 to 13 are before it.
        let horizon = Self.first.addingTimeInterval(98 * 86_400)
        let weekly = Self.departures(.weekly, until: "2028-01-01", horizon: horizon)
        #expect(weekly.count == 13)
        #expect(weekly.last == utc("2026-06-03T10:00"))
    }

    @Test("the horizon a new trip uses is one year after now, the same as the latest departure allowed")
    func oneYear() {
        #expect(TripEditor.maxLeadTime == 365 * 86_400)
    }

    @Test(
        "repetitions keep the UTC time across daylight-saving changes",
        arguments: ["2026-03-06T23:30", "2026-10-21T07:15"])
    func daylightSaving(start: String) {
        // 8 March (US) and 29 March / 25 October (Europe) move local clocks, never UTC departures.
        let first = utc(start)
        let daily = Self.departures(.daily, occurrences: 30, from: first)
        #expect(daily.count == 30)
        #expect(daily.enumerated().allSatisfy { $1.timeIntervalSince(first) == Double($0 + 1) * 86_400 })
        let weekly = Self.departures(.weekly, occurrences: 6, from: first)
        #expect(weekly.enumerated().allSatisfy { $1.timeIntervalSince(first) == Double($0 + 1) * 7 * 86_400 })
    }

    @Test("a weekly series runs on across the new year")
    func newYear() {
        // Wednesday 30 December 2026, on Mondays.
        #expect(
            Self.departures(.weekly, on: [1], occurrences: 2, from: utc("2026-12-30T08:00")) == [
                utc("2027-01-04T08:00"), utc("2027-01-11T08:00"),
            ])
    }
}
