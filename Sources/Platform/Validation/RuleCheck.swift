import Foundation

/// Collects broken validation rules and throws one 422 carrying all of them.
///
/// ```swift
/// var check = RuleCheck()
/// check.require(password.count >= 8, "password must be at least 8 characters")
/// try check.throwIfBroken()
/// ```
public struct RuleCheck: Sendable {
    public private(set) var problems: [String] = []

    public init() {}

    /// Records `message` when `condition` is false.
    public mutating func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { problems.append(message()) }
    }

    public mutating func fail(_ message: String) {
        problems.append(message)
    }

    public var isValid: Bool { problems.isEmpty }

    /// Throws `APIError.validation` with every recorded problem, if any.
    public func throwIfBroken() throws {
        if !problems.isEmpty { throw APIError.validation(problems) }
    }
}

/// Shapes of text the platform accepts.
public enum TextRules {
    /// A pragmatic e-mail check: one `@`, a dotted domain, no spaces, at most 254 characters.
    public static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && (labels.last?.count ?? 0) >= 2
    }

    /// E.164: `+` then 8 to 15 digits.
    public static func isPhoneNumber(_ text: String) -> Bool {
        guard text.hasPrefix("+") else { return false }
        let digits = text.dropFirst()
        return (8...15).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// `YYYY-MM-DD` that names a real calendar day.
    public static func calendarDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else {
            return nil
        }
        return date
    }

    /// Lower-cased and trimmed, as e-mails are stored and compared.
    public static func normalizedEmail(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
