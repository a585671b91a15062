/// Webhook bodies shaped like the examples of Stripe's API reference (event object, and the object of each type),
/// trimmed of fields the platform does not read only where the reference marks them optional.
enum StripeEventBodies {
    static let paymentIntentSucceeded = """
        {
          "id": "evt_3MtwBwLkdIwHu7ix28a3tqPa",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1680064028,
          "data": {
            "object": {
              "id": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
              "object": "payment_intent",
              "amount": 2000,
              "amount_received": 2000,
              "capture_method": "automatic_async",
              "client_secret": "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH",
              "confirmation_method": "automatic",
              "created": 1680800504,
              "currency": "eur",
              "description": "Delivery Lyon → Paris",
              "last_payment_error": null,
              "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
              "livemode": false,
              "metadata": { "reference": "6f1c2a4e-8d3b-4f5a-9c7e-1b2d3e4f5a6b" },
              "next_action": null,
              "payment_method": "pm_1MtwBwLkdIwHu7ixdAD4Ewsr",
              "payment_method_types": ["card"],
              "status": "succeeded"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_2ZuYcBk5pYDixk", "idempotency_key": "intent:6f1c2a4e:create" },
          "type": "payment_intent.succeeded"
        }
        """

    static let paymentIntentPaymentFailed = """
        {
          "id": "evt_3NRkRCLkdIwHu7ix0Xm3XvT8",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1680064110,
          "data": {
            "object": {
              "id": "pi_3NRkRCLkdIwHu7ix0GUvmsDm",
              "object": "payment_intent",
              "amount": 4500,
              "currency": "eur",
              "last_payment_error": {
                "charge": "ch_3NRkRCLkdIwHu7ix0NZ7o0pK",
                "code": "card_declined",
                "decline_code": "insufficient_funds",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                "message": "Your card has insufficient funds.",
                "type": "card_error"
              },
              "livemode": false,
              "metadata": { "reference": "0b6f7c1d-2e3a-4b5c-8d9e-0f1a2b3c4d5e" },
              "status": "requires_payment_method"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_8pUk9bQ4fLrX2m", "idempotency_key": null },
          "type": "payment_intent.payment_failed"
        }
        """

    static let chargeRefunded = """
        {
          "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1686089970,
          "data": {
            "object": {
              "id": "ch_3MmlLrLkdIwHu7ix0snN0B15",
              "object": "charge",
              "amount": 4500,
              "amount_captured": 4500,
              "amount_refunded": 1500,
              "captured": true,
              "currency": "eur",
              "paid": true,
              "payment_intent": "pi_3MmlLrLkdIwHu7ix0uke3Ezy",
              "refunded": false,
              "status": "succeeded"
            },
            "previous_attributes": { "amount_refunded": 0 }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "charge.refunded"
        }
        """

    static let disputeCreated = """
        {
          "id": "evt_1OcQe2LkdIwHu7ixR3m5vQ9s",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1705944000,
          "data": {
            "object": {
              "id": "dp_1MtJUT2eZvKYlo2CNaw2HvEv",
              "object": "dispute",
              "amount": 1000,
              "balance_transactions": [],
              "charge": "ch_1AZtxr2eZvKYlo2CJDX8whov",
              "created": 1680651737,
              "currency": "eur",
              "evidence_details": { "due_by": 1682294399, "has_evidence": false, "past_due": false, "submission_count": 0 },
              "is_charge_refundable": true,
              "livemode": false,
              "metadata": {},
              "payment_intent": "pi_1AZtxr2eZvKYlo2CJDX8whov",
              "reason": "product_not_received",
              "status": "needs_response"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "charge.dispute.created"
        }
        """

    static let payoutPaid = """
        {
          "id": "evt_1OdT3hQ2mXJvPaid0001",
          "object": "event",
          "account": "acct_1Nv0FGQ9RKHgCVdK",
          "api_version": "2024-06-20",
          "created": 1706097600,
          "data": {
            "object": {
              "id": "po_1OaFDbEcg9tTZuTgNYmX0PKB",
              "object": "payout",
              "amount": 8500,
              "arrival_date": 1706140800,
              "automatic": true,
              "currency": "eur",
              "destination": "ba_1MvoIJ2eZvKYlo2CO9f0MabO",
              "failure_code": null,
              "failure_message": null,
              "livemode": false,
              "metadata": {},
              "method": "standard",
              "status": "paid",
              "type": "bank_account"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "payout.paid"
        }
        """

    static let payoutFailed = """
        {
          "id": "evt_1OdT9kQ2mXJvFail0002",
          "object": "event",
          "account": "acct_1Nv0FGQ9RKHgCVdK",
          "api_version": "2024-06-20",
          "created": 1706184000,
          "data": {
            "object": {
              "id": "po_1OaFKwEcg9tTZuTgFail0002",
              "object": "payout",
              "amount": 8500,
              "currency": "eur",
              "failure_balance_transaction": "txn_1OaFKwEcg9tTZuTgRev00002",
              "failure_code": "account_closed",
              "failure_message": "The bank account has been closed.",
              "livemode": false,
              "metadata": {},
              "method": "standard",
              "status": "failed",
              "type": "bank_account"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "payout.failed"
        }
        """

    static let accountUpdated = """
        {
          "id": "evt_1OdUa1Q9RKHgCVdKUpd00003",
          "object": "event",
          "account": "acct_1Nv0FGQ9RKHgCVdK",
          "api_version": "2024-06-20",
          "created": 1706190000,
          "data": {
            "object": {
              "id": "acct_1Nv0FGQ9RKHgCVdK",
              "object": "account",
              "business_type": "individual",
              "charges_enabled": false,
              "country": "FR",
              "default_currency": "eur",
              "details_submitted": true,
              "email": "traveler@example.com",
              "metadata": { "reference": "3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d" },
              "payouts_enabled": false,
              "requirements": {
                "current_deadline": null,
                "currently_due": ["external_account", "individual.verification.document"],
                "disabled_reason": "requirements.past_due",
                "errors": [],
                "eventually_due": ["external_account", "individual.verification.document"],
                "past_due": ["external_account"],
                "pending_verification": []
              },
              "type": "express"
            },
            "previous_attributes": { "details_submitted": false }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "account.updated"
        }
        """

    static let customerCreated = """
        {
          "id": "evt_1NG8Du2eZvKYlo2CCus00004",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1686089971,
          "data": { "object": { "id": "cus_NffrFeUfNV2Hib", "object": "customer", "email": "jenny.rosen@example.com" } },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_Iq2tC9bDvFv8gE", "idempotency_key": null },
          "type": "customer.created"
        }
        """
}
