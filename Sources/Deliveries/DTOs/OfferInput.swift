import Foundation
import Platform
import QRCodes
import Vapor

/// The body of `POST /delivery-requests/{id}/offers` (API.md step 7) and, every field optional, of
/// `PUT /offers/{id}`.
public struct OfferInput: Content, Sendable {
    public var tripId: String?
    /// Minor units of the request's currency, at most its `maxPrice`.
    public var price: Int64?
    public var message: String?
    public var estimatedPickupTime: String?
    public var estimatedDeliveryTime: String?
    /// Until when the customer may accept; 48 hours (or the request's expiry, if sooner) by default.
    public var validUntil: String?
    public var guarantees: [String: JSONValue]?
    public var specialServices: [String: JSONValue]?
}

/// The body of `POST /offers/{id}/accept`.
public struct AcceptOfferInput: Content, Sendable {
    /// The payment method the customer pays with (`pm_card_visa`, or a Stripe `pm_…` id).
    public var paymentMethod: String?
    /// Insure the item at its declared value (always on when the request requires insurance).
    public var insurance: Bool?
    /// How much the handoff codes demand: `standard` (default), `high` (scanned at the place, by one device) or
    /// `maximum`.
    public var handoffSecurity: QRSecurityLevel?
    public var specialRequests: String?

    /// The checked acceptance, or 422 with one entry per broken rule.
    func validated() throws -> OfferAcceptanceInput {
        var check = RuleCheck()
        let method = paymentMethod?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        check.require(!method.isEmpty, "paymentMethod is required")
        check.require(
            method.isEmpty || PaymentMethodID.isWellFormed(method),
            "paymentMethod must be a payment method id (letters, digits and _, at most 255)")
        let special = specialRequests?.trimmingCharacters(in: .whitespacesAndNewlines)
        check.require((special?.count ?? 0) <= 1000, "specialRequests must be at most 1000 characters")
        try check.throwIfBroken()
        return OfferAcceptanceInput(
            paymentMethod: method, insurance: insurance ?? false, handoffSecurity: handoffSecurity ?? .standard,
            specialRequests: special?.isEmpty == true ? nil : special)
    }
}

extension AcceptOfferInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "paymentMethod": FieldRule.trimmedMatching("[A-Za-z0-9_]{1,255}").required,
            "specialRequests": .text(upTo: 1000),
        ]
    }
}

/// `POST /payments/intents`: paying for an offer, which is accepting it.
public struct PaymentForOfferInput: Content, Sendable {
    public var offerId: UUID?
    public var paymentMethod: String?
    public var insurance: Bool?
    public var handoffSecurity: QRSecurityLevel?
    public var specialRequests: String?

    var acceptance: AcceptOfferInput {
        AcceptOfferInput(
            paymentMethod: paymentMethod, insurance: insurance, handoffSecurity: handoffSecurity,
            specialRequests: specialRequests)
    }
}

extension PaymentForOfferInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        AcceptOfferInput.fieldRules.merging(["offerId": FieldRule.format("uuid").required]) { $1 }
    }
}

/// An acceptance as the services take it.
struct OfferAcceptanceInput: Sendable {
    var paymentMethod: String
    var insurance: Bool
    var handoffSecurity: QRSecurityLevel
    var specialRequests: String?
}

/// A reason, for declines and cancellations.
public struct ReasonInput: Content, Sendable {
    public var reason: String?
}
