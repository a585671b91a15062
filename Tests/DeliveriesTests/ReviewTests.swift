import Foundation
import TestSupport
import Testing

@Suite("Reviews after a delivery")
struct ReviewTests {
    @Test("both parties review once each; ratings update statistics and the delivery becomes rated")
    func review() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            let early = try await t.request(
                .POST, "/api/v1/users/reviews", json: ["deliveryId": b.deliveryId, "overallRating": 5],
                token: b.customer.accessToken)
            #expect(early.status == .conflict)
            #expect(early.code == "DELIVERY_NOT_COMPLETED")
            try await t.complete(b)

            let byCustomer = try await t.request(
                .POST, "/api/v1/users/reviews",
                json: [
                    "deliveryId": b.deliveryId, "overallRating": 5, "comment": "Careful and on time",
                    "communicationRating": 5, "punctualityRating": 4, "carefulnessRating": 5, "friendlinessRating": 5,
                ], token: b.customer.accessToken)
            #expect(byCustomer.status == .created, "\(byCustomer.text)")
            #expect(byCustomer.string("data.status") == "published")
            #expect(byCustomer.string("data.revieweeId") == b.traveler.id)
            #expect(byCustomer["data.ratings.punctuality"] as? Int == 4)
            let twice = try await t.request(
                .POST, "/api/v1/users/reviews", json: ["deliveryId": b.deliveryId, "overallRating": 1],
                token: b.customer.accessToken)
            #expect(twice.status == .conflict)
            #expect(twice.code == "ALREADY_REVIEWED")
            let byTraveler = try await t.request(
                .POST, "/api/v1/users/reviews",
                json: ["deliveryId": b.deliveryId, "overallRating": 4, "isAnonymous": true],
                token: b.traveler.accessToken)
            #expect(byTraveler.status == .created)

            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(b.deliveryId)", token: b.customer.accessToken)
            #expect(delivery.string("data.status") == "rated")
            let stats = try await t.request(
                .GET, "/api/v1/users/\(b.traveler.id)/statistics", token: b.customer.accessToken)
            #expect(stats.status == .ok, "\(stats.text)")
            #expect(stats["data.averageRating"] as? Double == 5)
            #expect(stats["data.totalRatings"] as? Int == 1)
            #expect(stats["data.successfulDeliveries"] as? Int == 1)
            let received = try await t.request(
                .GET, "/api/v1/users/\(b.customer.id)/reviews", token: b.traveler.accessToken)
            #expect(received.list.count == 1)
            // Anonymous: the customer sees the rating, not who gave it.
            let anonymous = try await t.request(
                .GET, "/api/v1/users/\(b.customer.id)/reviews", token: b.customer.accessToken)
            #expect(anonymous.list.first?["reviewer"] == nil)

            let stranger = try await t.signUp()
            let outsider = try await t.request(
                .POST, "/api/v1/users/reviews", json: ["deliveryId": b.deliveryId, "overallRating": 1],
                token: stranger.accessToken)
            #expect(outsider.status == .notFound)
            let invalid = try await t.request(
                .POST, "/api/v1/users/reviews",
                json: ["deliveryId": b.deliveryId, "overallRating": 6, "punctualityRating": 0],
                token: b.customer.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                invalid.errors == [
                    "overallRating must be between 1 and 5", "punctualityRating must be between 1 and 5",
                ])
        }
    }

    @Test("responses, reports and helpfulness votes; reviews with links wait for a moderator")
    func interactions() async throws {
        try await withTestApp { t in
            let b = try await t.bookDelivery()
            try await t.complete(b)
            let review = try await t.request(
                .POST, "/api/v1/users/reviews",
                json: ["deliveryId": b.deliveryId, "overallRating": 3, "comment": "Fine"],
                token: b.customer.accessToken)
            let reviewId = try #require(review.string("data.id"))
            let notYours = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/response", json: ["response": "Thanks"],
                token: b.customer.accessToken)
            #expect(notYours.status == .forbidden)
            #expect(notYours.code == "NOT_THE_REVIEWEE")
            let answered = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/response", json: ["response": "Thanks, see you"],
                token: b.traveler.accessToken)
            #expect(answered.string("data.response") == "Thanks, see you")
            let again = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/response", json: ["response": "Again"],
                token: b.traveler.accessToken)
            #expect(again.code == "ALREADY_RESPONDED")

            let voters = [try await t.signUp(), try await t.signUp(), try await t.signUp()]
            for (index, voter) in voters.enumerated() {
                let vote = try await t.request(
                    .POST, "/api/v1/users/reviews/\(reviewId)/vote", json: ["helpful": index < 2],
                    token: voter.accessToken)
                #expect(vote.status == .ok)
            }
            let changed = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/vote", json: ["helpful": true], token: voters[2].accessToken)
            #expect(changed["data.helpfulCount"] as? Int == 3)
            #expect(changed["data.unhelpfulCount"] as? Int == 0)
            let ownVote = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/vote", json: ["helpful": true], token: b.customer.accessToken)
            #expect(ownVote.status == .unprocessableEntity)
            // The reviewed traveler cannot vote on what was said about them either.
            let revieweeVote = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/vote", json: ["helpful": true], token: b.traveler.accessToken)
            #expect(revieweeVote.status == .unprocessableEntity)
            #expect(revieweeVote.code == "CANNOT_TARGET_SELF")
            #expect(revieweeVote.text.contains("a review about yourself"))

            for (index, voter) in voters.enumerated() {
                let reported = try await t.request(
                    .POST, "/api/v1/users/reviews/\(reviewId)/report", json: ["reason": "fake"],
                    token: voter.accessToken)
                #expect(reported.status == .created)
                if index == 0 {
                    let duplicate = try await t.request(
                        .POST, "/api/v1/users/reviews/\(reviewId)/report", json: ["reason": "spam"],
                        token: voter.accessToken)
                    #expect(duplicate.status == .conflict)
                    #expect(duplicate.code == "DUPLICATE_REPORT")
                }
            }
            // Three open reports hide the review and take it out of the rating.
            let stats = try await t.request(
                .GET, "/api/v1/users/\(b.traveler.id)/statistics", token: b.traveler.accessToken)
            #expect(stats["data.totalRatings"] as? Int == 0)
            let hidden = try await t.request(
                .POST, "/api/v1/users/reviews/\(reviewId)/vote", json: ["helpful": false],
                token: (try await t.signUp()).accessToken)
            #expect(hidden.status == .notFound)

            let c = try await t.bookDelivery()
            try await t.complete(c)
            let linked = try await t.request(
                .POST, "/api/v1/users/reviews",
                json: ["deliveryId": c.deliveryId, "overallRating": 1, "comment": "See https://example.com"],
                token: c.customer.accessToken)
            #expect(linked.string("data.status") == "pending")
            #expect(linked.string("data.moderationStatus") == "pending")
        }
    }
}
