import Auth
import Deliveries
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
            QRCodesModule(),
        ]
    }
}
