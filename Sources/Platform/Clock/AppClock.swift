import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The source of "now" for every domain rule, injected so tests can move time.
public protocol AppClock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: AppClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; used by tests and simulations.
public final class ManualClock: AppClock, @unchecked Sendable {
    private let lock = NIOLock()
    private var current: Date

    public init(_ start: Date = Date()) {
        // Whole seconds keep timestamps identical after a round-trip through the database.
        self.current = Date(timeIntervalSince1970: start.timeIntervalSince1970.rounded(.down))
    }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = any AppClock
    }

    /// The application's clock; `SystemClock` unless replaced (tests install a `ManualClock`).
    public var clock: any AppClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// "Now" according to the application's clock.
    public var now: Date { application.clock.now() }
}
