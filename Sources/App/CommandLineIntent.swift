import Vapor

/// What the process was started to do, read from its arguments, so `--help` or `admin create` do not start
/// the job worker or print the server banner.
enum CommandLineIntent {
    /// `p2p`, `p2p serve …` (without `--help`).
    static func isServing(_ app: Application) -> Bool {
        let arguments = Array(app.environment.arguments.dropFirst())
        guard !asksForHelp(app) else { return false }
        guard let command = arguments.first else { return true }
        return command == "serve" || command.hasPrefix("-")
    }

    static func asksForHelp(_ app: Application) -> Bool {
        app.environment.arguments.contains("--help") || app.environment.arguments.contains("-h")
    }
}
