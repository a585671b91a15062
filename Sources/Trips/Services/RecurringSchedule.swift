import Foundation

/// The departures a recurring pattern produces after the first trip, at the first trip's time of day (UTC).
enum RecurringSchedule {
    /// Never more repetitions than this, whatever the pattern says.
    static let maxOccurrences = 52

    static func departures(after first: Date, pattern: RecurringPattern, horizon: Date) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let limit = min(pattern.occurrences ?? maxOccurrences, maxOccurrences)
        let lastDay = pattern.endDate.map { calendar.startOfDay(for: $0).addingTimeInterval(24 * 3600) } ?? horizon
        let end = min(lastDay, horizon)
        var result: [Date] = []
        switch pattern.frequency {
        case .daily:
            var next = first
            while result.count < limit {
                guard let day = calendar.date(byAdding: .day, value: pattern.interval, to: next), day < end else {
                    break
                }
                result.append(day)
                next = day
            }
        case .weekly:
            let firstWeekday = isoWeekday(of: first, calendar: calendar)
            let days = (pattern.daysOfWeek.isEmpty ? [firstWeekday] : pattern.daysOfWeek).sorted()
            // Monday of the first trip's week, at the first trip's time of day.
            let weekStart = calendar.date(byAdding: .day, value: 1 - firstWeekday, to: first)!
            var week = 0
            outer: while result.count < limit {
                let monday = calendar.date(byAdding: .day, value: 7 * week, to: weekStart)!
                if monday >= end { break }
                for weekday in days {
                    let day = calendar.date(byAdding: .day, value: weekday - 1, to: monday)!
                    guard day > first else { continue }
                    guard day < end, result.count < limit else { break outer }
                    result.append(day)
                }
                week += pattern.interval
            }
        }
        return result
    }

    /// 1 = Monday … 7 = Sunday.
    static func isoWeekday(of date: Date, calendar: Calendar) -> Int {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }
}
