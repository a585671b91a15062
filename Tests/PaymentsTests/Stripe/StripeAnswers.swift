import Foundation

/// Response bodies shaped like the examples of Stripe's API reference, for `FakeStripeAPI`.
enum StripeAnswers {
    static let reference = UUID(uuidString: "6F1C2A4E-8D3B-4F5A-9C7E-1B2D3E4F5A6B")!

    /// A PaymentIntent; `nextAction` and `lastPaymentError` are JSON.
    static func paymentIntent(
        _ id: String = "pi_3MtwBwLkdIwHu7ix28a3tqPa", status: String, amount: Int = 2_500,
        nextAction: String = "null", lastPaymentError: String = "null"
    ) -> String {
        """
        {
          "id": "\(id)",
          "object": "payment_intent",
          "amount": \(amount),
          "amount_capturable": 0,
          "amount_received": \(status == "succeeded" ? amount : 0),
          "capture_method": "automatic_async",
          "client_secret": "\(id)_secret_YrKJUKribcBjcG8HVhfZluoGH",
          "confirmation_method": "automatic",
          "created": 1680800504,
          "currency": "eur",
          "description": "Delivery Lyon to Paris",
          "last_payment_error": \(lastPaymentError),
          "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
          "livemode": false,
          "metadata": { "reference": "\(reference.uuidString)" },
          "next_action": \(nextAction),
          "payment_method": "pm_1MtwBwLkdIwHu7ixdAD4Ewsr",
          "payment_method_types": ["card"],
          "status": "\(status)"
        }
        """
    }

    static let insufficientFundsError = """
        {
          "charge": "ch_3MtwBwLkdIwHu7ix0Decline1",
          "code": "card_declined",
          "decline_code": "insufficient_funds",
          "doc_url": "https://stripe.com/docs/error-codes/card-declined",
          "message": "Your card has insufficient funds.",
          "type": "card_error"
        }
        """

    /// A 402 as Stripe answers a declined card on a PaymentIntent: the error, with the intent inside it.
    static func declined(intent id: String = "pi_3MtwBwLkdIwHu7ixDecline1") -> String {
        let intent = paymentIntent(
            id, status: "requires_payment_method", lastPaymentError: insufficientFundsError)
        return """
            {
              "error": {
                "charge": "ch_3MtwBwLkdIwHu7ix0Decline1",
                "code": "card_declined",
                "decline_code": "insufficient_funds",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                "message": "Your card has insufficient funds.",
                "payment_intent": \(intent),
                "request_log_url": "https://dashboard.stripe.com/test/logs/req_8pUk9bQ4fLrX2m",
                "type": "card_error"
              }
            }
            """
    }

    static let redirectToURL = """
        {
          "type": "redirect_to_url",
          "redirect_to_url": {
            "return_url": "https://p2p.example/payments/return",
            "url": "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1M2JTkLkdIwHu7ix"
          }
        }
        """

    static let refund = """
        {
          "id": "re_1Nispe2eZvKYlo2Cd31jOCgZ",
          "object": "refund",
          "amount": 1000,
          "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx",
          "charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
          "created": 1692942318,
          "currency": "eur",
          "metadata": {},
          "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
          "reason": null,
          "status": "succeeded"
        }
        """

    static func account(payoutsEnabled: Bool, currentlyDue: [String]) -> String {
        let due = currentlyDue.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {
              "id": "acct_1Nv0FGQ9RKHgCVdK",
              "object": "account",
              "business_type": null,
              "capabilities": { "transfers": "inactive" },
              "charges_enabled": false,
              "country": "FR",
              "created": 1695830751,
              "default_currency": "eur",
              "details_submitted": false,
              "email": "traveler@example.com",
              "metadata": { "reference": "\(reference.uuidString)" },
              "payouts_enabled": \(payoutsEnabled),
              "requirements": {
                "current_deadline": null,
                "currently_due": [\(due)],
                "disabled_reason": \(payoutsEnabled ? "null" : "\"requirements.past_due\""),
                "errors": [],
                "eventually_due": [\(due)],
                "past_due": [],
                "pending_verification": []
              },
              "type": "express"
            }
            """
    }

    static let accountLink = """
        {
          "object": "account_link",
          "created": 1680577733,
          "expires_at": 1680578033,
          "url": "https://connect.stripe.com/setup/e/acct_1Nv0FGQ9RKHgCVdK/YWNjdF8xTnYwRkdROVJLSGdDVmRLLF9OaFh5"
        }
        """

    static let transfer = """
        {
          "id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA",
          "object": "transfer",
          "amount": 8500,
          "amount_reversed": 0,
          "balance_transaction": "txn_1MiN3gLkdIwHu7ixxapQrznl",
          "created": 1678043844,
          "currency": "eur",
          "description": null,
          "destination": "acct_1Nv0FGQ9RKHgCVdK",
          "destination_payment": "py_1MiN3gQ9RKHgCVdKaHsmPtyx",
          "livemode": false,
          "metadata": { "reference": "\(reference.uuidString)" },
          "reversals": { "object": "list", "data": [], "has_more": false, "total_count": 0, "url": "/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals" },
          "reversed": false,
          "source_transaction": null,
          "source_type": "card",
          "transfer_group": null
        }
        """

    static let instantPayout = """
        {
          "id": "po_1OaFDbEcg9tTZuTgNYmX0PKB",
          "object": "payout",
          "amount": 8500,
          "arrival_date": 1680652800,
          "automatic": false,
          "balance_transaction": "txn_1OaFDcEcg9tTZuTgYMR25tSe",
          "created": 1680648691,
          "currency": "eur",
          "description": null,
          "destination": "card_1OaFDZEcg9tTZuTgP2GgUFe3",
          "failure_balance_transaction": null,
          "failure_code": null,
          "failure_message": null,
          "livemode": false,
          "metadata": { "reference": "\(reference.uuidString)" },
          "method": "instant",
          "original_payout": null,
          "reconciliation_status": "not_applicable",
          "reversed_by": null,
          "source_type": "card",
          "statement_descriptor": null,
          "status": "in_transit",
          "type": "card"
        }
        """

    /// An error answer: `{ "error": { "type", "code"?, "message" } }`.
    static func error(type: String, code: String?, message: String) -> String {
        let code = code.map { "\"code\": \"\($0)\", " } ?? ""
        return #"{"error": {\#(code)"message": "\#(message)", "type": "\#(type)"}}"#
    }
}
