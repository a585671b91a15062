import Auth
import Deliveries
import Fluent
import Location
import Payments
import Platform
import QRCodes
import Trips
import Users

/// Every module of the platform, in dependency order (their migrations run in this order).
public enum Modules {
    public static var all: [any PlatformModule] {
        // Payments and QR codes come last although they sit below Deliveries: migrations are append-only, so
        // a new module's run after those already shipped.
        [
            PlatformKernel(), AuthModule(), UsersModule(), TripsModule(), DeliveriesModule(), PaymentsModule(),
            QRCodesModule(), LocationModule(),
        ]
    }

    /// Every migration in the order it runs: each module's first migrations in module order, then the
    /// migrations added to a module after it had shipped, in the order they were written. Append only: a
    /// database migrated by an earlier release runs the new ones in the same order as a fresh one.
    public static var migrations: [any Migration] {
        all.flatMap(\.migrations) + additions
    }

    static var additions: [any Migration] {
        [
            UsersModule.moneyTotalsMigration,
            PlatformKernel.realtimeMigration,
        ]
    }
}
