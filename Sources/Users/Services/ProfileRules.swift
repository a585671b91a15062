import Auth
import Foundation
import Platform

/// Validation of profile changes; every broken rule is reported at once.
enum ProfileRules {
    static let maxBioLength = 500
    static let maxLanguages = 10

    static func check(_ input: ProfileUpdateInput, current user: User, today: Date) throws {
        var check = RuleCheck()
        if let firstName = input.firstName { PersonRules.name(firstName, field: "firstName", into: &check) }
        if let lastName = input.lastName { PersonRules.name(lastName, field: "lastName", into: &check) }
        if let phone = input.phoneNumber, !phone.isEmpty { PersonRules.phoneNumber(phone, into: &check) }
        if let dateOfBirth = input.dateOfBirth, !dateOfBirth.isEmpty {
            PersonRules.dateOfBirth(dateOfBirth, today: today, into: &check)
        }
        if let bio = input.bio {
            check.require(bio.trimmed.count <= maxBioLength, "bio must be at most \(maxBioLength) characters")
        }
        if let languages = input.languages {
            check.require(languages.count <= maxLanguages, "languages must list at most \(maxLanguages) languages")
            check.require(
                languages.allSatisfy(PersonRules.isLanguageTag), "languages must be language tags such as en or pt-BR")
        }
        if let userType = input.userType, userType != user.userType.rawValue {
            // Widening only: a token issued before the change still carries the old type, and a narrower
            // type must never keep rights it no longer has.
            check.require(
                userType == UserType.both.rawValue && (user.userType == .customer || user.userType == .traveler),
                "userType can only be changed from customer or traveler to both")
        }
        if let language = input.preferredLanguage { PersonRules.preferredLanguage(language, into: &check) }
        if let timezone = input.timezone { PersonRules.timezone(timezone, into: &check) }
        if let currency = input.preferredCurrency { PersonRules.currency(currency, into: &check) }
        try check.throwIfBroken()
    }

    /// Trimmed, without duplicates, in the order given.
    static func normalizedLanguages(_ languages: [String]) -> [String] {
        var seen: Set<String> = []
        return languages.map(\.trimmed).filter { seen.insert($0.lowercased()).inserted }
    }
}
