import Foundation

/// A fact one module publishes for others; its type name is the published contract.
///
/// Event types live in `Platform/Events/` (one file per publishing module) so subscribers never import the
/// publisher.
public protocol DomainEvent: Codable, Sendable {
    /// Stable dotted name, `module.fact` (`auth.user_registered`).
    static var eventType: String { get }
    /// The entity the event is about, for filtering the outbox.
    var aggregateId: UUID { get }
}
