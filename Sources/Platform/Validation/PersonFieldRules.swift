import Foundation

/// `PersonRules` as the OpenAPI document states them, beside the code that checks them, so registration, the
/// profile and the account settings describe a person's fields the same way.
extension FieldRule {
    /// A first or last name.
    public static var personName: FieldRule { .text(1...100) }

    /// What `TextRules.isEmail` accepts once trimmed: a local part of 1 to 64 characters, and a domain of
    /// non-empty labels that neither start nor end with a hyphen, the last of two characters or more.
    public static var email: FieldRule {
        let plain = "[^\\s@.\\-\(TextPattern.refusedControls)]"
        let inner = "[^\\s@.\(TextPattern.refusedControls)]"
        let label = "\(plain)(?:\(inner)*\(plain))?"
        var rule = FieldRule.matching(
            "^[^\\s@\(TextPattern.refusedControls)]{1,64}@(?:\(label)\\.)+\(plain)\(inner)*\(plain)$")
        rule.maxLength = 254
        return rule
    }

    public static var phoneNumber: FieldRule {
        .matching("^\\+[0-9]{8,15}$").described("E.164: a plus sign and 8 to 15 digits")
    }

    /// What `PersonRules.isLanguageTag` accepts: 2 to 8 ASCII letters and inner hyphens.
    public static var languageTag: FieldRule {
        .matching("^[A-Za-z][A-Za-z-]{0,6}[A-Za-z]$").described("a language tag such as en or pt-BR")
    }

    public static var timezone: FieldRule { .oneOf(TimeZone.knownTimeZoneIdentifiers.sorted()) }

    /// A currency the platform prices in, by its upper-case ISO-4217 code.
    public static var currency: FieldRule { .oneOf(Currency.minorUnits.keys.sorted()) }

    /// The age bounds move with the calendar, so they are said rather than stated as a range.
    public static var dateOfBirth: FieldRule {
        .format("date").described(
            "YYYY-MM-DD; the person is \(PersonRules.minimumAge) to \(PersonRules.maximumAge) years old")
    }

    /// The rule, or the empty string that clears the value (a pattern rule only).
    public var orEmpty: FieldRule {
        guard let pattern, pattern.hasPrefix("^"), pattern.hasSuffix("$") else { return self }
        var rule = self
        rule.pattern = "^(?:\(pattern.dropFirst().dropLast()))?$"
        return rule
    }
}
