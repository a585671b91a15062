import Fluent
import Platform
import Vapor

/// Reviews between the parties of completed deliveries.
struct ReviewController: RouteCollection {
    struct SubmitRequest: Content {
        var deliveryId: String
        /// 1 to 5.
        var overallRating: Int
        var comment: String?
        var communicationRating: Int?
        var punctualityRating: Int?
        var carefulnessRating: Int?
        var friendlinessRating: Int?
        var isAnonymous: Bool?
    }

    struct ResponseRequest: Content {
        var response: String
    }

    struct ReportRequest: Content {
        /// `inappropriate`, `offensive`, `spam`, `fake`, `personal_information` or `other`.
        var reason: String
        var description: String?
    }

    struct VoteRequest: Content {
        var helpful: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.post("reviews", use: submit).doc(
            "Review the other party of a completed delivery", body: SubmitRequest.self, status: 201)
        users.post("reviews", ":reviewId", "response", use: respond).doc(
            "Answer a review about you", body: ResponseRequest.self)
        users.post("reviews", ":reviewId", "report", use: report).doc(
            "Report a review to moderation", body: ReportRequest.self, status: 201)
        users.post("reviews", ":reviewId", "vote", use: vote).doc(
            "Mark a review helpful or not", body: VoteRequest.self)
        users.get(":userId", "reviews", use: received).doc("Published reviews a member received, newest first")
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let body = try req.content.decode(SubmitRequest.self)
        var check = RuleCheck()
        let deliveryId = UUID(uuidString: body.deliveryId)
        check.require(deliveryId != nil, "deliveryId must be a delivery id (UUID)")
        check.require((1...5).contains(body.overallRating), "overallRating must be between 1 and 5")
        for (field, value) in [
            ("communicationRating", body.communicationRating), ("punctualityRating", body.punctualityRating),
            ("carefulnessRating", body.carefulnessRating), ("friendlinessRating", body.friendlinessRating),
        ] {
            if let value { check.require((1...5).contains(value), "\(field) must be between 1 and 5") }
        }
        let comment = body.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        check.require((comment?.count ?? 0) <= 2000, "comment must be at most 2000 characters")
        try check.throwIfBroken()
        let principal = try req.principal
        let review = try await ReviewService(context: req.callContext).submit(
            .init(
                deliveryId: deliveryId!, overallRating: body.overallRating,
                comment: comment?.isEmpty == true ? nil : comment,
                communication: body.communicationRating, punctuality: body.punctualityRating,
                carefulness: body.carefulnessRating, friendliness: body.friendlinessRating,
                isAnonymous: body.isAnonymous ?? false),
            by: principal.userId)
        let message =
            review.status == .published ? "Review published" : "Review received: a moderator will check it first"
        return try await Envelope(try await response(review, req: req), message: message).response(
            status: .created, for: req)
    }

    @Sendable func respond(req: Request) async throws -> Envelope<ReviewResponse> {
        let text = try req.content.decode(ResponseRequest.self).response.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...1000).contains(text.count) else {
            throw APIError.validation(["response must be 1 to 1000 characters"])
        }
        let review = try await ReviewService(context: req.callContext).respond(
            to: try reviewId(req), text: text, by: try req.principal.user)
        return Envelope(try await response(review, req: req), message: "Response added")
    }

    @Sendable func report(req: Request) async throws -> Response {
        let body = try req.content.decode(ReportRequest.self)
        guard let reason = ReviewReport.Reason(rawValue: body.reason) else {
            throw APIError.validation([
                "reason must be one of \(ReviewReport.Reason.allCases.map(\.rawValue).joined(separator: ", "))"
            ])
        }
        let description = body.description?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (description?.count ?? 0) <= 1000 else {
            throw APIError.validation(["description must be at most 1000 characters"])
        }
        try await ReviewService(context: req.callContext).report(
            try reviewId(req), reason: reason, description: description?.isEmpty == true ? nil : description,
            by: try req.principal.user)
        return try await Envelope<Empty>.message("Review reported to moderation").response(status: .created, for: req)
    }

    @Sendable func vote(req: Request) async throws -> Envelope<ReviewResponse> {
        let body = try req.content.decode(VoteRequest.self)
        let review = try await ReviewService(context: req.callContext).vote(
            try reviewId(req), helpful: body.helpful, by: try req.principal.user)
        return Envelope(try await response(review, req: req), message: "Vote recorded")
    }

    @Sendable func received(req: Request) async throws -> Envelope<[ReviewResponse]> {
        let userId = try UserDirectory.userId(req.parameters.get("userId"))
        let page = try await ReviewService(context: req.callContext).received(
            by: userId, page: try PageQuery(from: req))
        let authors = try await MemberDirectory.summaries(of: page.items.map { $0.$reviewer.id }, on: req.db)
        let admin = try req.principal.isAdmin
        return Envelope(
            try page.items.map { try ReviewResponse($0, reviewer: authors[$0.$reviewer.id], showAuthor: admin) },
            pagination: page.pagination)
    }

    private func reviewId(_ req: Request) throws -> ReviewID {
        guard let raw = req.parameters.get("reviewId"), let id = UUID(uuidString: raw) else {
            throw ReviewsError.reviewNotFound
        }
        return ReviewID(id)
    }

    private func response(_ review: Review, req: Request) async throws -> ReviewResponse {
        let author = try await MemberDirectory.summaries(of: [review.$reviewer.id], on: req.db)[review.$reviewer.id]
        let principal = try req.principal
        return try ReviewResponse(
            review, reviewer: author, showAuthor: principal.isAdmin || principal.userId == review.$reviewer.id)
    }
}

extension ReviewController.SubmitRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        let rating = FieldRule.integer(1...5)
        return [
            "deliveryId": .format("uuid"), "overallRating": rating, "communicationRating": rating,
            "punctualityRating": rating, "carefulnessRating": rating, "friendlinessRating": rating,
            "comment": .text(upTo: 2000),
        ]
    }
}

extension ReviewController.ResponseRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["response": .text(1...1000)] }
}

extension ReviewController.ReportRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["reason": .oneOf(ReviewReport.Reason.self), "description": .text(upTo: 1000)]
    }
}
