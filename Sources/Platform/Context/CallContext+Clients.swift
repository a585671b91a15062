import Fluent
import Vapor

// The platform's side-effect clients, one seam each, installed once in `configure` (tests swap them there).
extension CallContext {
    public var geocoder: any Geocoder { application.geocoder }
    public var fileStore: any FileStore { application.fileStore }
    public var mailer: Mailer { application.mailer }
    public var smsSender: any SMSSender { application.smsSender }
    public var personalData: PersonalDataRegistry { application.personalData }
    /// Work that outlives the call (announcements after the answer); shutdown waits for it.
    public var backgroundWork: BackgroundWork { application.backgroundWork }
    /// Outgoing HTTP (identity providers' keys, weather).
    public var httpClient: any Client { application.client }
    /// Password hashing on the thread pool, so bcrypt never blocks an event loop.
    public var passwords: AsyncPasswordHasher {
        application.password.async(on: application.threadPool, hopTo: application.eventLoopGroup.next())
    }
    /// Counters on the application database (never inside the call's transaction: a refused attempt must count).
    public var rateLimiter: RateLimiter { RateLimiter(db: application.db, clock: clock) }
}
