import Logging
import Vapor

/// Human-readable logs in development, one JSON object per line in production.
public enum LogBootstrap {
    public static func bootstrap(from env: inout Environment) throws {
        let level = try Logger.Level.detect(from: &env)
        if env.isRelease || env == .production {
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        } else {
            try LoggingSystem.bootstrap(from: &env)
        }
    }
}
