import Fluent
import Foundation
import Platform
import Vapor

/// Travelers' payout accounts and payouts; admins pay a traveler out by hand.
struct PayoutController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let payments = routes.grouped("payments").grouped(RoleGuard.authenticated)
        payments.post("payout-accounts", use: openAccount).doc(
            "Open a payout account at the payment provider (one per currency)", body: PayoutAccountInput.self,
            status: 201)
        payments.get("payout-accounts", use: accounts).doc(
            "The signed-in member's payout accounts, their status and what is left to finish")
        payments.post("payouts", use: payout).doc(
            "Pay out the available balance (standard, or instant for a fee); admins name the traveler",
            body: PayoutInput.self, status: 201, also: [404])
        payments.get("payouts", use: payouts).doc("The signed-in member's payouts, newest first")
    }

    @Sendable func openAccount(req: Request) async throws -> Response {
        let opening = try req.content.decode(PayoutAccountInput.self).validated()
        let account = try await PayoutAccounts(context: req.callContext).open(opening, for: try req.principal.userId)
        return try await Envelope(try PayoutAccountResponse(account), message: "Payout account opened")
            .response(status: .created, for: req)
    }

    @Sendable func accounts(req: Request) async throws -> Envelope<[PayoutAccountResponse]> {
        Envelope(
            try await PayoutAccounts(context: req.callContext).accounts(of: try req.principal.userId)
                .map(PayoutAccountResponse.init))
    }

    @Sendable func payout(req: Request) async throws -> Response {
        let input = try req.content.decode(PayoutInput.self)
        let principal = try req.principal
        guard let currency = input.currency, Currency(code: currency.uppercased()) != nil else {
            throw APIError.validation(["currency must be one of the platform's currencies"])
        }
        if input.userId != nil, !principal.isAdmin { throw APIError.forbidden("Only admins pay out another member") }
        let payout = try await Payouts(context: req.callContext).request(
            for: input.userId ?? principal.userId, currency: currency, amount: input.amount,
            type: input.type ?? .standard, description: input.userId == nil ? nil : "Manual payout by an admin")
        return try await Envelope(try PayoutResponse(payout), message: "Payout \(payout.status.rawValue)")
            .response(status: .created, for: req)
    }

    @Sendable func payouts(req: Request) async throws -> Envelope<[PayoutResponse]> {
        .list(
            try await Payouts(context: req.callContext).payouts(
                of: try req.principal.userId, page: try PageQuery(from: req)
            ).map(PayoutResponse.init))
    }
}
