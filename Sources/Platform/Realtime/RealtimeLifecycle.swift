import Vapor

/// Starts the real-time hub when the application boots and stops it at shutdown.
public struct RealtimeLifecycle: LifecycleHandler {
    public init() {}

    public func didBootAsync(_ application: Application) async throws {
        try await application.realtime.hub.start(delivering: application.realtime.subscribers, application: application)
    }

    public func shutdownAsync(_ application: Application) async {
        await application.realtime.hub.shutdown()
    }
}
