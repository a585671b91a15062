import Fluent
import Platform
import Vapor

/// An address to create (`street`, `city`, `country` required) or the fields to change.
struct AddressInput: Content {
    /// `home`, `work`, `pickup`, `delivery` or `other`.
    var type: String?
    var label: String?
    var street: String?
    var city: String?
    var state: String?
    var postalCode: String?
    /// ISO 3166-1 alpha-2 (`FR`).
    var country: String?
    /// Located from the address text when absent.
    var coordinates: GeoPoint?
    var isDefault: Bool?
    var instructions: String?
}

extension AddressInput: DocumentedFields {
    /// `AddressRules`, stated; the fields a new address needs are required by the creating routes.
    static var fieldRules: [String: FieldRule] {
        [
            "type": .oneOf(UserAddress.Kind.self), "street": .text(1...200), "city": .text(1...100),
            "state": .text(upTo: 100), "postalCode": .text(upTo: 20), "label": .text(upTo: 50),
            "instructions": .text(upTo: 500),
            "country": .trimmedMatching("[A-Za-z]{2}").described("ISO 3166-1 alpha-2, such as FR"),
        ]
    }
}
