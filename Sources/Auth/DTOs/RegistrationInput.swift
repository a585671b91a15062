import Fluent
import Platform
import Vapor

struct RegistrationInput: Content {
    var email: String
    var password: String
    var confirmPassword: String
    var firstName: String
    var lastName: String
    var phoneNumber: String?
    var dateOfBirth: String?
    var userType: UserType
    var acceptedTerms: Bool
    var acceptedPrivacy: Bool
    var preferredLanguage: String?
    var timezone: String?
    var preferredCurrency: String?
    var referralCode: String?

    func problems(today: Date) -> [String] {
        var check = RuleCheck()
        check.require(TextRules.isEmail(TextRules.normalizedEmail(email)), "email must be a valid e-mail address")
        check.require(password == confirmPassword, "confirmPassword must match password")
        PersonRules.name(firstName, field: "firstName", into: &check)
        PersonRules.name(lastName, field: "lastName", into: &check)
        check.require(UserType.selfService.contains(userType), "userType must be one of customer, traveler, both")
        check.require(acceptedTerms, "acceptedTerms must be true")
        check.require(acceptedPrivacy, "acceptedPrivacy must be true")
        if let phoneNumber { PersonRules.phoneNumber(phoneNumber, into: &check) }
        if let dateOfBirth { PersonRules.dateOfBirth(dateOfBirth, today: today, into: &check) }
        if let preferredLanguage { PersonRules.preferredLanguage(preferredLanguage, into: &check) }
        if let timezone { PersonRules.timezone(timezone, into: &check) }
        if let preferredCurrency { PersonRules.currency(preferredCurrency, into: &check) }
        return check.problems + PasswordPolicy.problems(password: password, email: email)
    }
}

extension RegistrationInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "email": .email, "password": .password, "confirmPassword": .password.described("the password again"),
            "firstName": .personName, "lastName": .personName, "phoneNumber": .phoneNumber,
            "dateOfBirth": .dateOfBirth, "userType": .oneOf(UserType.selfService.map(\.rawValue)),
            "acceptedTerms": .isTrue, "acceptedPrivacy": .isTrue, "preferredLanguage": .languageTag,
            "timezone": .timezone, "preferredCurrency": .currency,
        ]
    }
}
