import Auth
import Fluent
import Platform
import Vapor

struct ProfileUpdateInput: Content {
    var firstName: String?
    var lastName: String?
    /// E.164; an empty string removes the number.
    var phoneNumber: String?
    /// `YYYY-MM-DD`; an empty string removes it.
    var dateOfBirth: String?
    /// At most 500 characters; an empty string removes it.
    var bio: String?
    var languages: [String]?
    /// Only `both` is accepted, to widen a customer or traveler account to both roles.
    var userType: String?
    var preferredLanguage: String?
    var timezone: String?
    var preferredCurrency: String?
}

extension ProfileUpdateInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "firstName": .personName, "lastName": .personName, "phoneNumber": .phoneNumber.orEmpty,
            "dateOfBirth": FieldRule.matching("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").orEmpty
                .described("YYYY-MM-DD, or empty to remove it; 18 to 120 years old"),
            "bio": .text(upTo: ProfileRules.maxBioLength),
            "languages": .list(0...ProfileRules.maxLanguages, each: .languageTag),
            "userType": .oneOf([UserType.both.rawValue]).described("only both, to widen to both roles"),
            "preferredLanguage": .languageTag, "timezone": .timezone, "preferredCurrency": .currency,
        ]
    }
}
