import Auth
import Fluent
import Platform
import Vapor

/// Saving addresses: validation, locating them, and keeping exactly one default per user.
struct AddressService {
    let context: CallContext

    /// The user's addresses, default first, then newest.
    func list(of userId: UUID) async throws -> [UserAddress] {
        try await UserAddress.query(on: context.db).filter(\.$user.$id == userId)
            .sort(\.$isDefault, .descending).sort(\.$createdAt, .descending).all()
    }

    /// Creates an address; the first one, or one sent with `isDefault: true`, becomes the default.
    func create(_ input: AddressInput, for userId: UUID) async throws -> UserAddress {
        try AddressRules.problems(input, creating: true).throwIfAny()
        guard let street = input.street?.trimmed, let city = input.city?.trimmed, let country = input.country?.trimmed
        else {
            throw APIError.validation(["street, city and country are required"])
        }
        let count = try await UserAddress.query(on: context.db).filter(\.$user.$id == userId).count()
        guard count < AddressRules.maxAddressesPerUser else {
            throw APIError.validation(["you can keep at most \(AddressRules.maxAddressesPerUser) addresses"])
        }
        let address = UserAddress(userId: userId)
        address.type = input.type.flatMap(UserAddress.Kind.init(rawValue:)) ?? .other
        address.street = street
        address.city = city
        address.country = country.uppercased()
        apply(optional: input, to: address)
        address.place(at: try await point(for: address, given: input.coordinates))
        address.isDefault = count == 0 || input.isDefault == true
        return try await context.db.transaction { db in
            if address.isDefault { try await clearDefault(of: userId, on: db) }
            try await address.create(on: db)
            try await audit("address_added", address, on: db)
            return address
        }
    }

    /// Changes the fields sent; a changed street, city, state, postal code or country is located again unless
    /// coordinates come with it.
    func update(_ addressID: AddressID, with input: AddressInput, for user: UserID) async throws -> UserAddress {
        let (id, userId) = (addressID.uuid, user.uuid)
        try AddressRules.problems(input, creating: false).throwIfAny()
        let address = try await owned(id, by: userId)
        if input.isDefault == false && address.isDefault {
            throw APIError.validation(["isDefault cannot be cleared; make another address the default instead"])
        }
        let before = [address.street, address.city, address.state, address.postalCode, address.country]
        if let type = input.type.flatMap(UserAddress.Kind.init(rawValue:)) { address.type = type }
        if let street = input.street?.trimmed { address.street = street }
        if let city = input.city?.trimmed { address.city = city }
        if let country = input.country?.trimmed { address.country = country.uppercased() }
        apply(optional: input, to: address)
        let moved = before != [address.street, address.city, address.state, address.postalCode, address.country]
        if input.coordinates != nil || moved {
            address.place(at: try await point(for: address, given: input.coordinates))
        }
        return try await context.db.transaction { db in
            if input.isDefault == true && !address.isDefault {
                try await clearDefault(of: userId, on: db)
                address.isDefault = true
            }
            try await address.save(on: db)
            try await audit("address_updated", address, on: db)
            return address
        }
    }

    /// Deletes an address; if it was the default, the oldest remaining address takes over.
    func delete(_ addressID: AddressID, for user: UserID) async throws {
        let (id, userId) = (addressID.uuid, user.uuid)
        let address = try await owned(id, by: userId)
        try await context.db.transaction { db in
            try await address.delete(on: db)
            if address.isDefault,
                let next = try await UserAddress.query(on: db).filter(\.$user.$id == userId).sort(\.$createdAt).first()
            {
                next.isDefault = true
                try await next.save(on: db)
            }
            try await audit("address_deleted", address, on: db)
        }
    }

    func makeDefault(_ addressID: AddressID, for user: UserID) async throws -> UserAddress {
        let (id, userId) = (addressID.uuid, user.uuid)
        let address = try await owned(id, by: userId)
        guard !address.isDefault else { return address }
        return try await context.db.transaction { db in
            try await clearDefault(of: userId, on: db)
            address.isDefault = true
            try await address.save(on: db)
            try await audit("address_default_set", address, on: db)
            return address
        }
    }

    /// One of the user's own addresses; another user's address is "not found", never "forbidden".
    private func owned(_ id: UUID, by userId: UUID) async throws -> UserAddress {
        guard let address = try await UserAddress.find(id, on: context.db), address.$user.id == userId else {
            throw UsersError.addressNotFound
        }
        return address
    }

    private func apply(optional input: AddressInput, to address: UserAddress) {
        func blankIsNil(_ text: String?) -> String? {
            guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
            return trimmed
        }
        if input.label != nil { address.label = blankIsNil(input.label) }
        if input.state != nil { address.state = blankIsNil(input.state) }
        if input.postalCode != nil { address.postalCode = blankIsNil(input.postalCode) }
        if input.instructions != nil { address.instructions = blankIsNil(input.instructions) }
    }

    private func point(for address: UserAddress, given: GeoPoint?) async throws -> GeoPoint {
        if let given { return given }
        let place = try await AddressLocator(geocoder: context.geocoder).locate(
            street: address.street, city: address.city, state: address.state, postalCode: address.postalCode,
            country: address.country)
        guard let place else { throw UsersError.addressNotLocated }
        return place.coordinates
    }

    /// Unsets the current default first: the partial unique index allows one default per user at any moment.
    private func clearDefault(of userId: UUID, on db: any Database) async throws {
        try await UserAddress.query(on: db).filter(\.$user.$id == userId).filter(\.$isDefault == true)
            .set(\.$isDefault, to: false).update()
    }

    private func audit(_ action: String, _ address: UserAddress, on db: any Database) async throws {
        try await AuditTrail.record(
            action, category: "profile", userId: address.$user.id, entityType: "address",
            entityId: address.id?.uuidString, context: context.on(db))
    }
}

extension Array where Element == String {
    /// Throws one 422 listing every problem, if any.
    func throwIfAny() throws {
        if !isEmpty { throw APIError.validation(self) }
    }
}
