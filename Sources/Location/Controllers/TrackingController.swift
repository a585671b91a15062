import Foundation
import Platform
import Vapor

/// Tracking a delivery: start and stop, single and batched points, the live position, the history and the ETA.
struct TrackingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let location = routes.grouped("location").grouped(RoleGuard.authenticated)
        location.post("tracking", "start", use: start).doc(
            "The traveler starts sharing their position for a booked delivery (it starts by itself at pickup)",
            body: StartInput.self, requiring: ["deliveryId"], also: [403, 404, 409])
        location.post("tracking", "stop", use: stop).doc(
            "The traveler (or an admin) stops tracking before the drop", body: StopInput.self,
            requiring: ["deliveryId"], also: [403, 404, 409])
        location.post("tracking", "update", use: update).doc(
            "Post one point of a live delivery (the traveler): validated, stored, checked against geofences, "
                + "pushed to the delivery's channel", body: LocationUpdateInput.self, also: [403, 404, 409])
        location.post("track", use: update).doc(
            "Post one point of a live delivery (same as tracking/update)", body: LocationUpdateInput.self,
            also: [403, 404, 409])
        location.post("batch", use: batch).doc(
            "Post up to 1,000 points kept offline, in any order: older ones fill the history without moving the "
                + "live position or making false geofence events", body: LocationBatchInput.self, also: [403, 404, 409])
        location.get("current", ":deliveryId", use: current).doc(
            "The live position as the reader may see it (coarse for the customer before pickup)")
        location.get("history", ":deliveryId", use: history).doc(
            "The delivery's track, simplified with Douglas–Peucker at ?tolerance metres",
            query: [
                "from": .format("date-time"), "to": .format("date-time"), "tolerance": .number(0...10_000),
                "includeFlagged": .oneOf(["true", "false"]), "limit": .integer(1...10_000),
            ])
        location.get("eta", ":deliveryId", use: eta).doc(
            "The ETA to the next stop from the distance left and the recent speed")
    }

    struct StartInput: Content {
        var deliveryId: UUID?
        /// Options the phone chose (`intervalSeconds`, `batteryMode`), kept with the session.
        var settings: [String: JSONValue]?
    }

    struct StopInput: Content {
        var deliveryId: UUID?
        var reason: String?
    }

    /// Starts tracking.
    @Sendable func start(req: Request) async throws -> Envelope<TrackingSessionResponse> {
        let input = try req.content.decode(StartInput.self)
        guard let deliveryId = input.deliveryId else { throw APIError.validation(["deliveryId is required"]) }
        let session = try await TrackingSessions(context: req.callContext).start(
            deliveryId, settings: input.settings ?? [:])
        return Envelope(TrackingSessionResponse(session))
    }

    /// Stops tracking.
    @Sendable func stop(req: Request) async throws -> Envelope<TrackingSessionResponse> {
        let input = try req.content.decode(StopInput.self)
        var check = RuleCheck()
        if input.deliveryId == nil { check.fail("deliveryId is required") }
        check.require((input.reason?.count ?? 0) <= 200, "reason must be at most 200 characters")
        try check.throwIfBroken()
        guard let deliveryId = input.deliveryId else { throw APIError.validation(["deliveryId is required"]) }
        let session = try await TrackingSessions(context: req.callContext).stop(deliveryId, reason: input.reason)
        return Envelope(TrackingSessionResponse(session))
    }

    /// One point.
    @Sendable func update(req: Request) async throws -> Envelope<LocationIngestResponse> {
        let input = try req.content.decode(LocationUpdateInput.self)
        let fixes = try Self.validated([input.point], deliveryId: input.deliveryId, indexed: false, now: req.now)
        let outcome = try await LocationIngest(context: req.callContext).post(
            fixes, to: input.deliveryId!, source: "live")
        return Envelope(LocationIngestResponse(outcome))
    }

    /// A batch of points.
    @Sendable func batch(req: Request) async throws -> Envelope<LocationIngestResponse> {
        let input = try req.content.decode(LocationBatchInput.self)
        guard let points = input.points, !points.isEmpty, points.count <= PointRules.batchLimit else {
            var problems = input.deliveryId == nil ? ["deliveryId is required"] : []
            problems.append("points must hold between 1 and \(PointRules.batchLimit) points")
            throw APIError.validation(problems)
        }
        let fixes = try Self.validated(points, deliveryId: input.deliveryId, indexed: true, now: req.now)
        let outcome = try await LocationIngest(context: req.callContext).post(
            fixes, to: input.deliveryId!, source: "batch")
        return Envelope(LocationIngestResponse(outcome))
    }

    /// Every point rule and the delivery id, reported together.
    private static func validated(
        _ points: [LocationPointInput], deliveryId: UUID?, indexed: Bool, now: Date
    ) throws -> [LocationFix] {
        do {
            let fixes = try PointRules.validate(points, indexed: indexed, now: now)
            guard deliveryId != nil else { throw APIError.validation(["deliveryId is required"]) }
            return fixes
        } catch var error as APIError where deliveryId == nil && error.code == "VALIDATION_ERROR" {
            if !error.details.contains("deliveryId is required") {
                error.details.insert("deliveryId is required", at: 0)
            }
            throw error
        }
    }

    /// The live position.
    @Sendable func current(req: Request) async throws -> Envelope<CurrentLocationResponse> {
        Envelope(try await TrackReader(context: req.callContext).current(try req.deliveryIdParameter))
    }

    /// The history.
    @Sendable func history(req: Request) async throws -> Envelope<TrackHistoryResponse> {
        var check = RuleCheck()
        let from = ISOTimestamp.parse(
            try req.query.get(String?.self, at: "from"), field: "from", required: false, into: &check)
        let to = ISOTimestamp.parse(
            try req.query.get(String?.self, at: "to"), field: "to", required: false, into: &check)
        let tolerance = try req.query.get(Double?.self, at: "tolerance") ?? 0
        check.require(
            tolerance.isFinite && (0...10_000).contains(tolerance), "tolerance must be between 0 and 10000 metres")
        let limit = try req.query.get(Int?.self, at: "limit") ?? 5_000
        check.require((1...10_000).contains(limit), "limit must be between 1 and 10000")
        let flagged = try req.query.get(String?.self, at: "includeFlagged")
        check.require(flagged == nil || flagged == "true" || flagged == "false", "includeFlagged must be true or false")
        try check.throwIfBroken()
        return Envelope(
            try await TrackReader(context: req.callContext).history(
                try req.deliveryIdParameter, from: from, to: to, toleranceMeters: tolerance,
                includeFlagged: flagged == "true", limit: limit))
    }

    /// The ETA.
    @Sendable func eta(req: Request) async throws -> Envelope<TrackingETA> {
        guard let eta = try await TrackReader(context: req.callContext).eta(try req.deliveryIdParameter) else {
            throw APIError.notFound("An ETA (no position shared yet)")
        }
        return Envelope(eta)
    }
}

extension Request {
    /// `:deliveryId`, or 404 (a malformed id names no delivery).
    var deliveryIdParameter: UUID {
        get throws {
            guard let raw = parameters.get("deliveryId"), let id = UUID(uuidString: raw) else {
                throw LocationError.deliveryNotFound
            }
            return id
        }
    }
}
