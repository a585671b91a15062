import Fluent
import Platform
import Vapor

/// The signed-in user's saved addresses; exactly one of them is the default.
struct AddressController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.get("me", "addresses", use: list).doc("The signed-in user's addresses, default first")
        users.post("me", "addresses", use: create).doc("Add an address", body: AddressInput.self, status: 201)
        users.post("addresses", use: create).doc("Add an address", body: AddressInput.self, status: 201)
        users.put("me", "addresses", ":addressId", use: update).doc("Update an address", body: AddressInput.self)
        users.delete("me", "addresses", ":addressId", use: delete).doc("Delete an address")
        users.post("me", "addresses", ":addressId", "default", use: makeDefault).doc("Make an address the default")
    }

    /// `GET /users/me/addresses`
    @Sendable func list(req: Request) async throws -> Envelope<[AddressResponse]> {
        let addresses = try await AddressService(context: req.callContext).list(of: try req.principal.userId)
        return Envelope(try addresses.map(AddressResponse.init))
    }

    /// `POST /users/me/addresses`, `POST /users/addresses`
    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(AddressInput.self)
        let address = try await AddressService(context: req.callContext).create(input, for: try req.principal.userId)
        return try await Envelope(try AddressResponse(address), message: "Address added").response(
            status: .created, for: req)
    }

    /// `PUT /users/me/addresses/{addressId}`
    @Sendable func update(req: Request) async throws -> Envelope<AddressResponse> {
        let input = try req.content.decode(AddressInput.self)
        let address = try await AddressService(context: req.callContext).update(
            try addressId(req), with: input, for: try req.principal.user)
        return Envelope(try AddressResponse(address), message: "Address updated")
    }

    /// `DELETE /users/me/addresses/{addressId}`
    @Sendable func delete(req: Request) async throws -> Envelope<Empty> {
        try await AddressService(context: req.callContext).delete(try addressId(req), for: try req.principal.user)
        return .message("Address deleted")
    }

    /// `POST /users/me/addresses/{addressId}/default`
    @Sendable func makeDefault(req: Request) async throws -> Envelope<AddressResponse> {
        let address = try await AddressService(context: req.callContext).makeDefault(
            try addressId(req), for: try req.principal.user)
        return Envelope(try AddressResponse(address), message: "Default address updated")
    }

    private func addressId(_ req: Request) throws -> AddressID {
        guard let id = req.parameters.get("addressId", as: UUID.self) else { throw UsersError.addressNotFound }
        return AddressID(id)
    }
}
