import Foundation

/// ISO-8601 timestamps as clients send them: with or without fractional seconds, `Z` or an offset.
public enum ISOTimestamp {
    /// The date, or nil when `text` is not a timestamp or names a day or time that does not exist.
    ///
    /// Foundation's parser rolls impossible fields over (`2027-02-30` becomes 2 March), so the calendar fields
    /// are checked first: a client that sends the 30th of February made a mistake we should report, not guess.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard namesRealMoment(trimmed) else { return nil }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Parses `text` at `field`, recording a problem when it is missing or malformed.
    public static func parse(
        _ text: String?, field: String, required: Bool = true, into check: inout RuleCheck
    )
        -> Date?
    {
        guard let text else {
            if required { check.fail("\(field) is required") }
            return nil
        }
        guard let date = parse(text) else {
            check.fail("\(field) must be an ISO-8601 timestamp such as 2026-11-20T10:00:00Z")
            return nil
        }
        return date
    }

    /// Whether `text` starts `YYYY-MM-DDTHH:MM:SS` with a month, day, hour, minute and second that exist.
    static func namesRealMoment(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(19))
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return false }
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return false }
        return (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + length] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
