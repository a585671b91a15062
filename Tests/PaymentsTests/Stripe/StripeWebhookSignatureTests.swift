import Foundation
import Payments
import Testing

@Suite("Stripe webhook signatures")
struct StripeWebhookSignatureTests {
    let secret = "whsec_test_5oXQ3EHb2nK8mXwz"
    let body = Data(#"{"id":"evt_1","object":"event","type":"payment_intent.succeeded"}"#.utf8)
    let signedAt = Date(timeIntervalSince1970: 1_714_000_000)

    var verifier: StripeWebhookSignature { StripeWebhookSignature(secret: secret) }

    @Test("a body signed with the endpoint's secret a moment ago is accepted")
    func valid() throws {
        let header = StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt)

        // HMAC-SHA256 of "1714000000.<body>", as Python's hmac module computes it.
        #expect(header == "t=1714000000,v1=0d7dcc861f63ff3835e1a798521715f2f6e939ba642ef34d14ec2a4a013c6598")
        try verifier.verify(payload: body, header: header, now: signedAt.addingTimeInterval(12))
    }

    @Test("while a secret is rolled, the header carries two v1 signatures and the second one may be the match")
    func secondSignatureMatches() throws {
        // setup
        let old = StripeWebhookSignature.sign(payload: body, secret: "whsec_old", timestamp: signedAt)
        let new = StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt)
        let header = "t=1714000000,v1=\(signature(in: old)),v1=\(signature(in: new)),v0=6ffbb59b2300aae63f27240"

        // act, assert
        try verifier.verify(payload: body, header: header, now: signedAt)
    }

    @Test("a body signed with another secret is refused")
    func wrongSecret() {
        let header = StripeWebhookSignature.sign(payload: body, secret: "whsec_someone_else", timestamp: signedAt)

        #expect(throws: StripeWebhookSignature.Failure.noMatchingSignature) {
            try verifier.verify(payload: body, header: header, now: signedAt)
        }
    }

    @Test("a body changed after signing is refused, however small the change")
    func tamperedBody() {
        let header = StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt)
        let tampered = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "evt_1", with: "evt_2").utf8)

        #expect(throws: StripeWebhookSignature.Failure.noMatchingSignature) {
            try verifier.verify(payload: tampered, header: header, now: signedAt)
        }
    }

    @Test("a signature five minutes old is still accepted, one second more is a replay")
    func tooOld() throws {
        let header = StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt)

        try verifier.verify(payload: body, header: header, now: signedAt.addingTimeInterval(300))
        #expect(throws: StripeWebhookSignature.Failure.timestampOutsideTolerance) {
            try verifier.verify(payload: body, header: header, now: signedAt.addingTimeInterval(301))
        }
    }

    @Test("a signature dated more than five minutes ahead of the clock is refused")
    func fromTheFuture() throws {
        let header = StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt)

        try verifier.verify(payload: body, header: header, now: signedAt.addingTimeInterval(-300))
        #expect(throws: StripeWebhookSignature.Failure.timestampOutsideTolerance) {
            try verifier.verify(payload: body, header: header, now: signedAt.addingTimeInterval(-301))
        }
    }

    @Test(
        "a missing header, or one that is not t=…,v1=…, is malformed",
        arguments: [
            nil, "", "garbage", "t=abc,v1=00", "v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
            "t=1714000000,t=1714000001,v1=00", "t=1714000000,v1",
        ])
    func garbledHeader(header: String?) {
        #expect(throws: StripeWebhookSignature.Failure.malformedHeader) {
            try verifier.verify(payload: body, header: header, now: signedAt)
        }
    }

    @Test("a header with only the retired v0 scheme has no signature to check")
    func onlyV0() {
        let v1 = signature(in: StripeWebhookSignature.sign(payload: body, secret: secret, timestamp: signedAt))

        #expect(throws: StripeWebhookSignature.Failure.noV1Signature) {
            try verifier.verify(payload: body, header: "t=1714000000,v0=\(v1)", now: signedAt)
        }
    }

    @Test("a v1 value that is not hexadecimal is a signature that does not match")
    func notHex() {
        #expect(throws: StripeWebhookSignature.Failure.noMatchingSignature) {
            try verifier.verify(payload: body, header: "t=1714000000,v1=not-hex", now: signedAt)
        }
    }

    /// The hex of the `v1` part of a header `sign` made.
    private func signature(in header: String) -> String {
        String(header.split(separator: "v1=").last ?? "")
    }
}
