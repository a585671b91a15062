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
        let finance = routes.grouped("admin", "finance").grouped(RoleGuard.admin)
        finance.post("payouts", "manual", use: manualPayout).doc(
            "Pay a traveler's available balance out by hand, with a reason for the audit log (admins)",
            body: PayoutInput.self, status: 201, requiring: ["userId"], also: [404])
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
        if let reason = input.reason, reason.count > 500 {
            throw APIError.validation(["reason must be at most 500 characters"])
        }
        let payouts = Payouts(context: req.callContext)
        let payout: Payout
        if let traveler = input.userId {
            guard principal.isAdmin else { throw APIError.forbidden("Only admins pay out another member") }
            payout = try await payouts.payByHand(
                traveler, currency: currency, amount: input.amount, type: input.type ?? .standard,
                reason: input.reason)
        } else {
            payout = try await payouts.request(
                for: principal.userId, currency: currency, amount: input.amount, type: input.type ?? .standard)
        }
        return try await Envelope(try PayoutResponse(payout), message: "Payout \(payout.status.rawValue)")
            .response(status: .created, for: req)
    }

    /// `POST /admin/finance/payouts/manual`: `POST /payments/payouts` with the traveler named.
    @Sendable func manualPayout(req: Request) async throws -> Response {
        guard try req.content.decode(PayoutInput.self).userId != nil else {
            throw APIError.validation(["userId is required"])
        }
        return try await payout(req: req)
    }

    @Sendable func payouts(req: Request) async throws -> Envelope<[PayoutResponse]> {
        .list(
            try await Payouts(context: req.callContext).payouts(
                of: try req.principal.userId, page: try PageQuery(from: req)
            ).map(PayoutResponse.init))
    }
}
