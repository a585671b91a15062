import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// Keeps the members' money totals in step with the payments module's events, in the same transactions: a
/// customer's payment adds to what they spent and a refund takes it off; a traveler's share of a delivery adds
/// to what they earned, and a dispute that takes some back takes it off.
///
/// Each change is one statement per table that adds to the stored figure, so concurrent payments of one member
/// never lose an update nor collide on a new currency's row.
enum MoneyStatistics {
    static func install(on app: Application) {
        let events = app.events
        events.subscribe(PaymentIntentSucceeded.self, name: "users.statistics.payment") { event, context in
            try await add(spent: event.amount, earned: 0, currency: event.currency, to: event.customerId, context)
        }
        events.subscribe(MemberMoneyRecorded.self, name: "users.statistics.money") { event, context in
            switch event.kind {
            case .earned:
                try await add(spent: 0, earned: event.amount, currency: event.currency, to: event.userId, context)
            case .refunded:
                try await add(spent: -event.amount, earned: 0, currency: event.currency, to: event.userId, context)
            }
        }
    }

    private static func add(
        spent: Int64, earned: Int64, currency: String, to userId: UUID, _ context: EventContext
    ) async throws {
        let sql = try context.db.sqlDatabase
        let currency = currency.uppercased()
        // An erased member has no user row any more: nothing to total.
        guard try await UserStatistics.query(on: context.db).filter(\.$user.$id == userId).count() > 0 else { return }
        try await sql.raw(
            """
            INSERT INTO user_money_totals (id, user_id, currency, total_earnings, total_spent, updated_at)
            VALUES (\(bind: UUID()), \(bind: userId), \(bind: currency), \(bind: earned), \(bind: spent),
                    \(bind: context.occurredAt))
            ON CONFLICT (user_id, currency) DO UPDATE SET
                total_earnings = user_money_totals.total_earnings + excluded.total_earnings,
                total_spent = user_money_totals.total_spent + excluded.total_spent,
                updated_at = excluded.updated_at
            """
        ).run()
        // The statistics row totals its own currency, the first the member used; its SET clauses all read the
        // row as it was, so the currency test is the same in each.
        try await sql.raw(
            """
            UPDATE user_statistics SET
                total_earnings = total_earnings
                    + CASE WHEN COALESCE(currency, \(bind: currency)) = \(bind: currency) THEN \(bind: earned) ELSE 0 END,
                total_spent = total_spent
                    + CASE WHEN COALESCE(currency, \(bind: currency)) = \(bind: currency) THEN \(bind: spent) ELSE 0 END,
                currency = COALESCE(currency, \(bind: currency)),
                updated_at = \(bind: context.occurredAt)
            WHERE user_id = \(bind: userId)
            """
        ).run()
    }

    /// Every currency's totals of a member, for their own statistics.
    static func totals(of userId: UUID, on db: any Database) async throws -> [UserMoneyTotal] {
        try await UserMoneyTotal.query(on: db).filter(\.$userId == userId).sort(\.$currency).all()
    }
}
