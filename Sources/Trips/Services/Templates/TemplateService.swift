import Auth
import Fluent
import Platform
import SQLKit
import Users
import Vapor

/// Creating, changing, finding and using trip templates.
///
/// A private template is visible to its owner only (anyone else gets 404); a public one is readable and usable
/// by every member except across a block, and changed by its owner only (403 for others). Admins may read and
/// delete any template.
struct TemplateService {
    let context: CallContext

    func create(_ input: TemplateInput, by principal: Principal) async throws -> TripTemplate {
        let template = TripTemplate(userId: principal.userId)
        var check = RuleCheck()
        if input.name == nil { check.fail("name is required") }
        if input.tripData == nil { check.fail("tripData is required") }
        try await apply(input, to: template, check: check)
        try await template.create(on: context.db)
        return template
    }

    func update(_ id: UUID, with input: TemplateInput, by principal: Principal) async throws -> TripTemplate {
        let template = try await owned(id, by: principal, adminMay: false)
        try await apply(input, to: template, check: RuleCheck())
        try await template.save(on: context.db)
        return template
    }

    func delete(_ id: UUID, by principal: Principal) async throws {
        let template = try await owned(id, by: principal, adminMay: true)
        try await template.delete(on: context.db)
    }

    /// Checks every field `input` carries, all rules at once, then applies them.
    private func apply(_ input: TemplateInput, to template: TripTemplate, check initial: RuleCheck) async throws {
        var check = initial
        let name = input.name.map { TemplateRules.name($0, check: &check) }
        let description = input.description.map { TemplateRules.description($0, check: &check) }
        let category = input.category.map { TemplateRules.category($0, check: &check) }
        var tripData: TripInput?
        if let given = input.tripData {
            let merged = template.$tripData.value.map { $0.overlaid(by: given) } ?? given
            let currency = try await context.currentUser().preferredCurrency
            do {
                tripData = try await TemplateTripShape.normalize(
                    merged, now: context.now, geocoder: context.geocoder, currency: currency)
            } catch let error as APIError where error.code == "VALIDATION_ERROR" {
                for problem in error.details { check.fail(problem) }
            }
        }
        try check.throwIfBroken()
        if let name { template.name = name }
        if let description { template.description = description }
        if let category { template.category = category }
        if let isPublic = input.isPublic { template.isPublic = isPublic }
        if let tripData { template.tripData = tripData }
    }

    /// A template the principal may read.
    func visible(_ id: UUID, to principal: Principal) async throws -> TripTemplate {
        guard let template = try await TripTemplate.find(id, on: context.db) else { throw TripsError.templateNotFound }
        if template.$user.id == principal.userId || principal.isAdmin { return template }
        guard template.isPublic,
            try await !MemberDirectory.isBlocked(between: principal.userId, and: template.$user.id, on: context.db)
        else { throw TripsError.templateNotFound }
        return template
    }

    /// A template the principal may change: their own (or any, for an admin when `adminMay`).
    private func owned(_ id: UUID, by principal: Principal, adminMay: Bool) async throws -> TripTemplate {
        let template = try await visible(id, to: principal)
        guard template.$user.id == principal.userId || (adminMay && principal.isAdmin) else {
            throw TripsError.notYourTemplate
        }
        return template
    }

    /// Creates a trip from the template with `overrides` on top, counting the use in the trip's transaction.
    /// Another member's auto-accept settings are never inherited: their threshold is not shown to the user.
    func createTrip(from id: UUID, overrides: TripInput, by principal: Principal) async throws -> Trip {
        let template = try await visible(id, to: principal)
        var data = template.tripData
        if template.$user.id != principal.userId {
            data.autoAccept = nil
            data.autoAcceptPrice = nil
        }
        return try await TripService(context: context).create(
            data.overlaid(by: overrides), by: principal.userId, parentTemplate: id)
    }

    /// Counts one use of a template; called inside the transaction that creates the trip, so a failed creation
    /// counts nothing and a template deleted meanwhile fails the creation.
    static func recordUse(of id: UUID, on db: any Database, at now: Date) async throws {
        let updated = try await db.sqlDatabase.raw(
            """
            UPDATE trip_templates SET usage_count = usage_count + 1, last_used_at = \(bind: now)
            WHERE id = \(bind: id) RETURNING id
            """
        ).all()
        guard !updated.isEmpty else { throw TripsError.templateNotFound }
    }
}
