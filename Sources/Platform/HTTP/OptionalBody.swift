import Vapor

extension Request {
    /// The body as `T` when one was sent, `empty` when none was: for routes whose body is optional (documented
    /// with `bodyOptional: true`). A body that is sent but unreadable is still a 400, never taken as absent.
    public func optionalBody<T: Decodable>(_ type: T.Type, else empty: @autoclosure () -> T) throws -> T {
        body.data == nil ? empty() : try content.decode(T.self)
    }
}
