import Foundation
import NIOConcurrencyHelpers

/// Who may subscribe to which channel. `user:{id}` is the member's own (and admins'), `admins` is for admins;
/// modules register the rule for their own kinds (`delivery` belongs to the Location module, which knows each
/// delivery's parties). A channel kind nobody registered is refused.
public final class RealtimeAuthorizers: Sendable {
    /// Answers whether `principal` may read `channel`; `context` is the subscriber's call.
    public typealias Rule =
        @Sendable (_ channel: RealtimeChannel, _ principal: Principal, _ context: CallContext)
        async throws -> Bool

    private let rules = NIOLockedValueBox<[String: Rule]>([:])

    public init() {
        register(kind: "user") { channel, principal, _ in
            principal.isAdmin || channel.uuidKey == principal.userId
        }
        register(kind: "admins") { channel, principal, _ in channel.key == nil && principal.isAdmin }
    }

    /// Sets the rule for channels of `kind`.
    public func register(kind: String, _ rule: @escaping Rule) {
        rules.withLockedValue { $0[kind] = rule }
    }

    /// Whether `principal` may subscribe to `channel`.
    func allows(_ channel: RealtimeChannel, for principal: Principal, context: CallContext) async throws -> Bool {
        guard let rule = rules.withLockedValue({ $0[channel.kind] }) else { return false }
        return try await rule(channel, principal, context)
    }
}
