import Foundation
import Platform
import Vapor

/// Admins read and edit the pricing factors; an edit prices the next quote.
struct AdminPricingFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let factors = routes.grouped("admin", "pricing-factors").grouped(RoleGuard.admin)
        factors.get(use: list).doc("The pricing factors, in the order the engine applies them")
        factors.get(":factorId", use: show).doc("One pricing factor")
        factors.patch(":factorId", use: update).doc(
            "Change a pricing factor's value, switch, description, condition or dates (recorded in its history;"
                + " the value's range depends on the kind); the next quote uses it",
            body: PricingFactorInput.self)
        factors.get(":factorId", "history", use: history).doc("A pricing factor's edits, newest first")
    }

    @Sendable func list(req: Request) async throws -> Envelope<[PricingFactorResponse]> {
        let page = try await PricingFactorEditor(context: req.callContext).factors(page: try PageQuery(from: req))
        return .list(try page.map(PricingFactorResponse.init))
    }

    @Sendable func show(req: Request) async throws -> Envelope<PricingFactorResponse> {
        Envelope(
            try PricingFactorResponse(try await PricingFactorEditor(context: req.callContext).factor(req.factorId)))
    }

    @Sendable func update(req: Request) async throws -> Envelope<PricingFactorResponse> {
        let id = try req.factorId
        let input = try req.content.decode(PricingFactorInput.self)
        let factor = try await PricingFactorEditor(context: req.callContext).update(id, with: input)
        return Envelope(try PricingFactorResponse(factor), message: "Pricing factor \(factor.code) updated")
    }

    @Sendable func history(req: Request) async throws -> Envelope<[PricingFactorChangeResponse]> {
        let page = try await PricingFactorEditor(context: req.callContext).history(
            of: try req.factorId, page: try PageQuery(from: req))
        return .list(try page.map(PricingFactorChangeResponse.init))
    }
}

extension Request {
    var factorId: UUID {
        get throws {
            guard let raw = parameters.get("factorId"), let id = UUID(uuidString: raw) else {
                throw PricingError.factorNotFound
            }
            return id
        }
    }
}
