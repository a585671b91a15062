import Foundation

/// The rules about a person that registration, the profile and the account settings share, in one place:
/// names, phone number, date of birth and age, language, time zone and currency.
public enum PersonRules {
    public static let minimumAge = 18
    public static let maximumAge = 120

    /// A first or last name: 1 to 100 characters once trimmed.
    public static func name(_ value: String, field: String, into check: inout RuleCheck) {
        check.require((1...100).contains(value.trimmed.count), "\(field) must be 1 to 100 characters")
    }

    /// An E.164 number such as +33612345678.
    public static func phoneNumber(_ value: String, into check: inout RuleCheck) {
        check.require(TextRules.isPhoneNumber(value), "phoneNumber must be in E.164 format, e.g. +33612345678")
    }

    /// A `YYYY-MM-DD` day that makes the person an adult of plausible age on `today`.
    public static func dateOfBirth(_ value: String, today: Date, into check: inout RuleCheck) {
        guard let born = TextRules.calendarDate(value) else {
            check.fail("dateOfBirth must be a date in YYYY-MM-DD format")
            return
        }
        let years = age(bornOn: born, on: today)
        check.require(years >= minimumAge, "you must be at least \(minimumAge) years old")
        check.require(years <= maximumAge, "dateOfBirth is not plausible")
    }

    /// Whole years between the two days, in UTC (a birthday counts from its first second).
    public static func age(bornOn born: Date, on today: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year], from: born, to: today).year ?? 0
    }

    /// A BCP 47 language tag of letters and hyphens, such as `en` or `pt-BR`.
    public static func isLanguageTag(_ text: String) -> Bool {
        (2...8).contains(text.count) && text.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" }
            && !text.hasPrefix("-") && !text.hasSuffix("-")
    }

    public static func preferredLanguage(_ value: String, into check: inout RuleCheck) {
        check.require(isLanguageTag(value), "preferredLanguage must be a language tag such as en or pt-BR")
    }

    public static func timezone(_ value: String, into check: inout RuleCheck) {
        check.require(TimeZone(identifier: value) != nil, "timezone must be an IANA time zone such as Europe/Paris")
    }

    /// A currency the platform knows, by its upper-case ISO-4217 code.
    public static func currency(_ value: String, field: String = "preferredCurrency", into check: inout RuleCheck) {
        check.require(
            value == value.uppercased() && Currency(code: value) != nil,
            "\(field) must be an ISO-4217 code such as EUR")
    }
}
