import Foundation
import Logging

/// Benchmarks log to standard error at `LOG_LEVEL` (warning by default), so the application's own logs do not
/// mix with the figures on standard output.
public enum BenchmarkLogging {
    public static func bootstrap() {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
