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
