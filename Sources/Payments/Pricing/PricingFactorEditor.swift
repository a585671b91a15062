import Fluent
import Foundation
import Platform
import SQLKit

/// Admins' edits of the pricing factors: validated against the factor's kind, written with the factor's
/// history row and an audit entry in one transaction, and read by the next quote (see `PricingFactorCache`).
public struct PricingFactorEditor {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public func factors(page: PageQuery) async throws -> ListPage<PricingFactor> {
        try await PricingFactor.query(on: context.db).sort(\.$position).sort(\.$code).page(page)
    }

    public func factor(_ id: UUID) async throws -> PricingFactor {
        guard let factor = try await PricingFactor.find(id, on: context.db) else { throw PricingError.factorNotFound }
        return factor
    }

    public func history(of id: UUID, page: PageQuery) async throws -> ListPage<PricingFactorChange> {
        _ = try await factor(id)
        return try await PricingFactorChange.query(on: context.db).filter(\.$factorId == id)
            .sort(\.$createdAt, .descending).sort(\.$version, .descending).page(page)
    }

    /// Applies `input` to the factor; 422 for a value outside its kind's range, 409 when another edit of the
    /// same factor committed first.
    public func update(_ id: UUID, with input: PricingFactorInput) async throws -> PricingFactor {
        let principal = try context.requirePrincipal()
        return try await context.transaction { tx in
            guard let factor = try await PricingFactor.find(id, on: tx.db) else { throw PricingError.factorNotFound }
            let before = factor.rule
            let after = try input.applied(to: before)
            let now = tx.now
            // Claims the edit: of two admins editing one factor at once, the second finds the version moved.
            let claimed = try await tx.db.sqlDatabase.raw(
                """
                UPDATE pricing_factors
                SET version = version + 1, updated_at = \(bind: now), updated_by = \(bind: principal.userId)
                WHERE id = \(bind: id) AND version = \(bind: factor.version) RETURNING id
                """
            ).all()
            guard !claimed.isEmpty else { throw PricingError.editConflict }
            factor.version += 1
            factor.updatedAt = now
            factor.updatedBy = principal.userId
            factor.value = after.value
            factor.active = after.active
            factor.description = after.description
            factor.condition = after.condition
            factor.effectiveFrom = after.effectiveFrom
            factor.effectiveUntil = after.effectiveUntil
            try await factor.save(on: tx.db)
            let change = PricingFactorChange()
            change.factorId = id
            change.code = factor.code
            change.changedBy = principal.userId
            change.reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            change.before = before
            change.after = after
            change.version = factor.version
            change.createdAt = now
            try await change.create(on: tx.db)
            try await AuditTrail.record(
                "pricing_factor_updated", category: "admin", userId: nil, entityType: "pricing_factor",
                entityId: id.uuidString,
                metadata: [
                    "code": factor.code, "valueBefore": String(before.value), "valueAfter": String(after.value),
                    "activeBefore": String(before.active), "activeAfter": String(after.active),
                ], context: tx)
            return factor
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
