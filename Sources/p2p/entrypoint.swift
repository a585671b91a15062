import App
import Logging
import Vapor

/// `p2p`: runs the platform (`serve`), its migrations (`migrate`) and its admin commands.
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LogBootstrap.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await configure(app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
