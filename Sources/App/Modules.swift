import Auth
import Deliveries
import Platform
import Trips
import Users

/// Every module of the platform, in dependency order (their migrations run in this order).
public enum Modules {
    public static var all: [any PlatformModule] {
        [PlatformKernel(), AuthModule(), UsersModule(), TripsModule(), DeliveriesModule()]
    }
}
