import Foundation

/// ISO-8601 timestamps as clients send them: with or without fractional seconds, `Z` or an offset.
public enum ISOTimestamp {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
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
}
