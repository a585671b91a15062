import Auth
import Foundation
import Platform

/// Validation of profile changes; every broken rule is reported at once.
enum ProfileRules {
    static let maxBioLength = 500
    static let maxLanguages = 10

    static func check(_ input: ProfileController.UpdateRequest, current user: User, today: Date) throws {
        var check = RuleCheck()
        if let firstName = input.firstName {
            check.require((1...100).contains(firstName.trimmed.count), "firstName must be 1 to 100 characters")
        }
        if let lastName = input.lastName {
            check.require((1...100).contains(lastName.trimmed.count), "lastName must be 1 to 100 characters")
        }
        if let phone = input.phoneNumber, !phone.isEmpty {
            check.require(TextRules.isPhoneNumber(phone), "phoneNumber must be in E.164 format, e.g. +33612345678")
        }
        if let dateOfBirth = input.dateOfBirth, !dateOfBirth.isEmpty {
            if let date = TextRules.calendarDate(dateOfBirth) {
                let age = Calendar(identifier: .gregorian).dateComponents([.year], from: date, to: today).year ?? 0
                check.require(age >= 18, "you must be at least 18 years old")
                check.require(age <= 120, "dateOfBirth is not plausible")
            } else {
                check.fail("dateOfBirth must be a date in YYYY-MM-DD format")
            }
        }
        if let bio = input.bio {
            check.require(bio.trimmed.count <= maxBioLength, "bio must be at most \(maxBioLength) characters")
        }
        if let languages = input.languages {
            check.require(languages.count <= maxLanguages, "languages must list at most \(maxLanguages) languages")
            check.require(
                languages.allSatisfy(isLanguageTag), "languages must be language tags such as en or pt-BR")
        }
        if let userType = input.userType, userType != user.userType.rawValue {
            // Widening only: a token issued before the change still carries the old type, and a narrower
            // type must never keep rights it no longer has.
            check.require(
                userType == UserType.both.rawValue && (user.userType == .customer || user.userType == .traveler),
                "userType can only be changed from customer or traveler to both")
        }
        if let language = input.preferredLanguage {
            check.require(isLanguageTag(language), "preferredLanguage must be a language tag such as en or pt-BR")
        }
        if let timezone = input.timezone {
            check.require(
                TimeZone(identifier: timezone) != nil, "timezone must be an IANA time zone such as Europe/Paris")
        }
        if let currency = input.preferredCurrency {
            check.require(
                currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isUppercase },
                "preferredCurrency must be an ISO-4217 code such as EUR")
        }
        try check.throwIfBroken()
    }

    static func isLanguageTag(_ text: String) -> Bool {
        (2...8).contains(text.count) && text.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" }
            && !text.hasPrefix("-") && !text.hasSuffix("-")
    }

    /// Trimmed, without duplicates, in the order given.
    static func normalizedLanguages(_ languages: [String]) -> [String] {
        var seen: Set<String> = []
        return languages.map(\.trimmed).filter { seen.insert($0.lowercased()).inserted }
    }
}
