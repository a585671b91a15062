import Foundation
import Prometheus
import Vapor

/// Request counts and latency histograms by route and status, exposed at `/metrics` in Prometheus text.
///
/// Each application owns its registry (rather than the process-wide `MetricsSystem`), so several
/// applications in one test process never share counters.
public final class RequestMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2), .seconds(5),
    ]

    public init() {}

    public func record(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "http", subsystem: "requests", metricName: "total", unitName: "",
                helpText: "HTTP requests handled"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "http", subsystem: "request", metricName: "duration", unitName: "seconds",
                helpText: "HTTP request latency"),
            labels: labels, buckets: Self.buckets
        ).record(duration)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }
}

extension Application {
    private struct MetricsKey: StorageKey {
        typealias Value = RequestMetrics
    }

    /// The application's request metrics; created in `configure`, before requests run concurrently.
    public var requestMetrics: RequestMetrics {
        get {
            guard let metrics = storage[MetricsKey.self] else { fatalError("requestMetrics read before configure(_:)") }
            return metrics
        }
        set { storage[MetricsKey.self] = newValue }
    }
}
