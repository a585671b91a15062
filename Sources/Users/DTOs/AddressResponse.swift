import Foundation
import Platform
import Vapor

/// A saved address, returned only to its owner (and admins).
public struct AddressResponse: Content, Sendable {
    public var id: UUID
    public var type: String
    public var label: String?
    public var street: String
    public var city: String
    public var state: String?
    public var postalCode: String?
    public var country: String
    public var coordinates: GeoPoint
    public var isDefault: Bool
    public var instructions: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    init(_ address: UserAddress) throws {
        id = try address.requireID()
        type = address.type.rawValue
        label = address.label
        street = address.street
        city = address.city
        state = address.state
        postalCode = address.postalCode
        country = address.country
        coordinates = address.coordinates
        isDefault = address.isDefault
        instructions = address.instructions
        createdAt = address.createdAt
        updatedAt = address.updatedAt
    }
}

/// An address found near a point (admin search), with its owner and distance.
public struct NearbyAddressResponse: Content, Sendable {
    public var address: AddressResponse
    public var userId: UUID
    public var distanceKm: Double
}
