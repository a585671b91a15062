import Fluent
import Vapor

extension Request {
    /// The context services get for this request: its database, the caller, its id, address and user agent.
    public var callContext: CallContext {
        CallContext(
            application: application, db: db, principal: auth.get(Principal.self),
            origin: CallOrigin(
                requestId: requestId, clientAddress: clientIP, userAgent: headers.first(name: .userAgent)),
            logger: logger)
    }
}

extension Application {
    /// A context for work the platform does by itself (commands, tests, scheduled tasks), acting as `principal`.
    public func callContext(
        principal: Principal? = nil, origin: CallOrigin = .system, db: (any Database)? = nil
    ) -> CallContext {
        CallContext(application: self, db: db ?? self.db, principal: principal, origin: origin, logger: logger)
    }
}

extension JobContext {
    /// The context a job's handler passes to the services it calls: the job's database, no acting member.
    public var callContext: CallContext {
        CallContext(application: application, db: db, principal: nil, origin: .system, logger: logger)
    }
}

extension EventContext {
    /// The context a subscriber passes to services: the publishing transaction (in-transaction subscribers) or
    /// a fresh connection (after commit), no acting member.
    public var callContext: CallContext {
        CallContext(application: application, db: db, principal: nil, origin: .system, logger: logger)
    }
}
