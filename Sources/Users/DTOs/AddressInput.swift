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
