import Foundation
import NIOConcurrencyHelpers

/// The default provider: no account, no network, and answers as Stripe's test mode does for its documented test
/// payment methods (`pm_card_visa` succeeds, `pm_card_chargeDeclined…` decline with their reasons,
/// `pm_card_authenticationRequired` needs a confirmation step). Its state lives in memory, like a test-mode
/// account's: intents, refunds, connected accounts and payouts made by this process.
///
/// Calls with an idempotency key already used answer what the first call answered, as Stripe does.
public final class SandboxPaymentProvider: PaymentProvider, Sendable {
    private struct State {
        var intents: [String: ProviderIntent] = [:]
        var refunded: [String: Int64] = [:]
        var accounts: [String: ProviderAccount] = [:]
        var answers: [String: any Sendable] = [:]
        var sequence = 0
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    public var name: String { "sandbox" }

    public func charge(_ charge: ProviderCharge) async throws -> ProviderIntent {
        try answer(charge.idempotencyKey) { state in
            guard let behaviour = SandboxCards.behaviour(of: charge.paymentMethod) else {
                throw PaymentProviderError(
                    isTemporary: false, code: "resource_missing",
                    message: "No such PaymentMethod: '\(charge.paymentMethod)'")
            }
            state.sequence += 1
            let id = "pi_sandbox_\(state.sequence)_\(UUID().uuidString.prefix(8).lowercased())"
            var intent = ProviderIntent(
                id: id, status: .succeeded, amount: charge.amount, currency: charge.currency,
                clientSecret: "\(id)_secret_\(UUID().uuidString.prefix(12).lowercased())")
            switch behaviour {
            case .succeeds: break
            case .declines(let decline):
                intent.status = .requiresPaymentMethod
                intent.decline = decline
            case .requiresAuthentication:
                // The customer is told to authenticate; the sandbox's step always passes, so from then on the
                // intent only waits for the confirmation.
                intent.status = .requiresConfirmation
                state.intents[id] = intent
                intent.status = .requiresAction
                return intent
            }
            state.intents[id] = intent
            return intent
        }
    }

    public func retrieve(intent id: String) async throws -> ProviderIntent {
        try state.withLockedValue { state in try Self.intent(id, in: state) }
    }

    /// The sandbox's authentication step always passes: confirming an intent that awaits it succeeds.
    public func confirm(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try answer(idempotencyKey) { state in
            var intent = try Self.intent(id, in: state)
            switch intent.status {
            case .requiresAction, .requiresConfirmation: intent.status = .succeeded
            case .succeeded: break
            default:
                throw PaymentProviderError(
                    isTemporary: false, code: "payment_intent_unexpected_state",
                    message: "This PaymentIntent's status is \(intent.status.rawValue)")
            }
            state.intents[id] = intent
            return intent
        }
    }

    public func cancel(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try answer(idempotencyKey) { state in
            var intent = try Self.intent(id, in: state)
            guard intent.status != .succeeded else {
                throw PaymentProviderError(
                    isTemporary: false, code: "payment_intent_unexpected_state",
                    message: "You cannot cancel this PaymentIntent because it has a status of succeeded")
            }
            intent.status = .canceled
            state.intents[id] = intent
            return intent
        }
    }

    public func refund(intent id: String, amount: Int64, idempotencyKey: String) async throws -> ProviderRefund {
        try answer(idempotencyKey) { state in
            let intent = try Self.intent(id, in: state)
            let refunded = state.refunded[id, default: 0]
            guard intent.status == .succeeded, amount > 0, refunded + amount <= intent.amount else {
                throw PaymentProviderError(
                    isTemporary: false, code: "charge_already_refunded",
                    message: "Refund of \(amount) exceeds what remains of the charge")
            }
            state.refunded[id] = refunded + amount
            state.sequence += 1
            return ProviderRefund(id: "re_sandbox_\(state.sequence)", status: .succeeded, amount: amount)
        }
    }

    /// Sandbox accounts can receive payouts at once: there is nobody to verify.
    public func createPayoutAccount(_ request: ProviderAccountRequest) async throws -> ProviderAccount {
        try answer(request.idempotencyKey) { state in
            state.sequence += 1
            let account = ProviderAccount(
                id: "acct_sandbox_\(state.sequence)", payoutsEnabled: true, requirements: [])
            state.accounts[account.id] = account
            return account
        }
    }

    public func retrievePayoutAccount(id: String) async throws -> ProviderAccount {
        try state.withLockedValue { state in
            guard let account = state.accounts[id] else {
                throw PaymentProviderError(isTemporary: false, code: "resource_missing", message: "No such account")
            }
            return account
        }
    }

    public func payout(_ request: ProviderPayoutRequest) async throws -> ProviderPayout {
        try answer(request.idempotencyKey) { state in
            guard state.accounts[request.account] != nil else {
                throw PaymentProviderError(isTemporary: false, code: "resource_missing", message: "No such account")
            }
            state.sequence += 1
            return ProviderPayout(id: "tr_sandbox_\(state.sequence)", status: .paid)
        }
    }

    private static func intent(_ id: String, in state: State) throws -> ProviderIntent {
        guard let intent = state.intents[id] else {
            throw PaymentProviderError(
                isTemporary: false, code: "resource_missing", message: "No such payment_intent: '\(id)'")
        }
        return intent
    }

    /// Runs `body` once per idempotency key; later calls with the key get the first answer.
    private func answer<T: Sendable>(_ key: String, _ body: (inout State) throws -> T) throws -> T {
        try state.withLockedValue { state in
            if let earlier = state.answers[key] as? T { return earlier }
            let result = try body(&state)
            state.answers[key] = result
            return result
        }
    }
}
