import Foundation
import Platform

/// The four settings categories of `user_preferences`, as they appear in paths (`/preferences/{category}/…`).
enum PreferenceCategory: String, Codable, Sendable, CaseIterable {
    case notification, privacy, location, payment

    /// Every setting the category knows, with its rule and default. Settings not listed are refused, so the
    /// JSON columns never fill with keys nothing reads.
    var settings: [String: PreferenceSetting] {
        switch self {
        case .notification:
            [
                "email": .init(.boolean, default: .bool(true)),
                "sms": .init(.boolean, default: .bool(false)),
                "push": .init(.boolean, default: .bool(true)),
                "deliveryUpdates": .init(.boolean, default: .bool(true)),
                "newOffers": .init(.boolean, default: .bool(true)),
                "messages": .init(.boolean, default: .bool(true)),
                "reviewReminders": .init(.boolean, default: .bool(true)),
                "marketing": .init(.boolean, default: .bool(false)),
                "quietHoursEnabled": .init(.boolean, default: .bool(false)),
                "quietHoursStart": .init(.timeOfDay, default: .string("22:00")),
                "quietHoursEnd": .init(.timeOfDay, default: .string("07:00")),
            ]
        case .privacy:
            [
                "showBio": .init(.boolean, default: .bool(true)),
                "showLanguages": .init(.boolean, default: .bool(true)),
                "showStatistics": .init(.boolean, default: .bool(true)),
                "showProfilePicture": .init(.boolean, default: .bool(true)),
                "allowMessagesFrom": .init(.choice(["everyone", "verified", "parties"]), default: .string("everyone")),
            ]
        case .location:
            [
                "shareLiveLocation": .init(.boolean, default: .bool(true)),
                "accuracy": .init(.choice(["high", "balanced", "low"]), default: .string("high")),
                "historyRetentionDays": .init(.integer(1...365), default: .number(30)),
            ]
        case .payment:
            [
                "autoPayout": .init(.boolean, default: .bool(false)),
                "payoutSchedule": .init(.choice(["daily", "weekly", "monthly"]), default: .string("weekly")),
                "receiptEmails": .init(.boolean, default: .bool(true)),
                "defaultPaymentMethod": .init(.optionalText(maxLength: 100), default: .null),
            ]
        }
    }

    /// The category's default settings.
    var defaults: [String: JSONValue] {
        settings.mapValues(\.defaultValue)
    }
}

/// One known setting: what values it accepts and its default.
struct PreferenceSetting: Sendable {
    /// The accepted shape of a value.
    enum Rule: Sendable {
        case boolean
        case choice([String])
        /// `HH:mm`, 24-hour.
        case timeOfDay
        case integer(ClosedRange<Int>)
        /// A string up to the length, or null.
        case optionalText(maxLength: Int)
    }

    let rule: Rule
    let defaultValue: JSONValue

    init(_ rule: Rule, default value: JSONValue) {
        self.rule = rule
        self.defaultValue = value
    }

    /// Why `value` is not acceptable for the setting named `name`, or nil when it is.
    func problem(with value: JSONValue, name: String) -> String? {
        switch (rule, value) {
        case (.boolean, .bool): return nil
        case (.boolean, _): return "\(name) must be a boolean"
        case (.choice(let options), .string(let text)) where options.contains(text): return nil
        case (.choice(let options), _): return "\(name) must be one of \(options.joined(separator: ", "))"
        case (.timeOfDay, .string(let text)) where Self.isTimeOfDay(text): return nil
        case (.timeOfDay, _): return "\(name) must be a time of day in HH:mm format"
        case (.integer(let range), .number(let number))
        where number.rounded() == number
            && (Double(range.lowerBound)...Double(range.upperBound)).contains(number):
            return nil
        case (.integer(let range), _):
            return "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case (.optionalText, .null): return nil
        case (.optionalText(let maxLength), .string(let text)) where text.count <= maxLength: return nil
        case (.optionalText(let maxLength), _):
            return "\(name) must be null or a string of at most \(maxLength) characters"
        }
    }

    private static func isTimeOfDay(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1])
        else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }
}
