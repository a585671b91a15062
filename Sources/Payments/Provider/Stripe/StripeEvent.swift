import Foundation

/// A webhook event's body, `{ id, type, created, livemode, account?, data: { object } }`, with typed access to
/// the object of the events the platform acts on.
///
/// The object is decoded by the event's type: `payment_intent.*`, `charge.refunded`, `charge.dispute.*`,
/// `payout.*` and `account.updated`. Any other type decodes as `.other`, since Stripe adds event types and an
/// endpoint must answer those it ignores; a known type whose object lacks a field the platform needs fails, naming
/// the field.
public struct StripeEvent: Sendable, Equatable, Decodable {
    /// The event's object, by what it is about.
    public enum Object: Sendable, Equatable {
        case paymentIntent(PaymentIntent)
        case refundedCharge(RefundedCharge)
        case dispute(Dispute)
        case payout(Payout)
        case account(Account)
        /// An event type the platform does not act on.
        case other
    }

    /// `evt_…`: the same event may be delivered more than once, and this is how a repeat is recognised.
    public var id: String
    /// `payment_intent.succeeded`, `charge.refunded`, …
    public var type: String
    public var created: Date
    public var livemode: Bool
    /// The connected account (`acct_…`) the event happened on: payouts are made on travelers' accounts.
    public var account: String?
    public var object: Object

    private enum Keys: String, CodingKey {
        case id, type, created, livemode, account, data, object
    }

    /// Use `decode(_:)`, which reads Stripe's snake_case names as the properties' camelCase ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id)
        type = try container.decode(String.self, forKey: .type)
        created = Date(timeIntervalSince1970: TimeInterval(try container.decode(Int64.self, forKey: .created)))
        livemode = try container.decode(Bool.self, forKey: .livemode)
        account = try container.decodeIfPresent(String.self, forKey: .account)
        object = try Self.object(
            ofType: type, in: try container.nestedContainer(keyedBy: Keys.self, forKey: .data))
    }

    private static func object(ofType type: String, in data: KeyedDecodingContainer<Keys>) throws -> Object {
        if type.hasPrefix("payment_intent.") {
            return .paymentIntent(try data.decode(PaymentIntent.self, forKey: .object))
        }
        if type == "charge.refunded" { return .refundedCharge(try data.decode(RefundedCharge.self, forKey: .object)) }
        if type.hasPrefix("charge.dispute.") { return .dispute(try data.decode(Dispute.self, forKey: .object)) }
        if type.hasPrefix("payout.") { return .payout(try data.decode(Payout.self, forKey: .object)) }
        if type == "account.updated" { return .account(try data.decode(Account.self, forKey: .object)) }
        return .other
    }

    /// Decodes a webhook's raw body.
    public static func decode(_ body: some DataProtocol) throws -> StripeEvent {
        try JSONDecoder.stripe.decode(StripeEvent.self, from: Data(body))
    }
}
