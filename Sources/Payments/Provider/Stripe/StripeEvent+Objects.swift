import Foundation

extension StripeEvent {
    /// The PaymentIntent of a `payment_intent.*` event.
    public struct PaymentIntent: Sendable, Equatable, Decodable {
        /// `pi_…`
        public var id: String
        public var status: ProviderIntent.Status
        public var amount: Int64
        /// ISO 4217, upper case as everywhere in the platform (Stripe writes it lower case).
        public var currency: String
        /// The platform's `payment_intents.id` from `metadata[reference]`; nil for an intent the platform did
        /// not create (one made in Stripe's dashboard).
        public var reference: UUID?
        /// Why the last attempt failed (`payment_intent.payment_failed`).
        public var lastPaymentError: ProviderIntent.Decline?

        private enum Keys: String, CodingKey {
            case id, status, amount, currency, metadata, lastPaymentError
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            id = try container.decode(String.self, forKey: .id)
            status = try container.decode(ProviderIntent.Status.self, forKey: .status)
            amount = try container.decode(Int64.self, forKey: .amount)
            currency = try container.decode(String.self, forKey: .currency).uppercased()
            let metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata)
            reference = metadata?["reference"].flatMap(UUID.init(uuidString:))
            lastPaymentError = try container.decodeIfPresent(StripeError.self, forKey: .lastPaymentError)?.decline
        }
    }

    /// The Charge of a `charge.refunded` event: how much of it has been refunded so far, in all.
    public struct RefundedCharge: Sendable, Equatable, Decodable {
        /// `ch_…`
        public var id: String
        /// `pi_…`, the intent the platform knows the payment by.
        public var paymentIntent: String?
        public var amount: Int64
        public var amountRefunded: Int64
    }

    /// The Dispute of a `charge.dispute.*` event: the customer's bank disputes a payment.
    public struct Dispute: Sendable, Equatable, Decodable {
        /// `dp_…`
        public var id: String
        /// `ch_…`
        public var charge: String
        /// `pi_…`
        public var paymentIntent: String?
        /// What is disputed, withheld from the platform's balance meanwhile.
        public var amount: Int64
        /// `fraudulent`, `product_not_received`, `duplicate`, …
        public var reason: String
    }

    /// The Payout of a `payout.*` event, made on a traveler's connected account (the event's `account`).
    public struct Payout: Sendable, Equatable, Decodable {
        /// `po_…`
        public var id: String
        public var amount: Int64
        /// Why the bank returned the payout (`account_closed`, `no_account`, …), to act on.
        public var failureCode: String?
        public var failureMessage: String?
    }

    /// The connected Account of an `account.updated` event: whether the traveler may be paid out yet.
    public struct Account: Sendable, Equatable, Decodable {
        /// `acct_…`
        public var id: String
        public var payoutsEnabled: Bool
        /// What the traveler still has to provide (`requirements.currently_due`).
        public var requirements: [String]

        private enum Keys: String, CodingKey {
            case id, payoutsEnabled, requirements
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            id = try container.decode(String.self, forKey: .id)
            payoutsEnabled = try container.decode(Bool.self, forKey: .payoutsEnabled)
            requirements = try container.decodeIfPresent(Requirements.self, forKey: .requirements)?.currentlyDue ?? []
        }

        private struct Requirements: Decodable {
            var currentlyDue: [String]?
        }
    }
}
