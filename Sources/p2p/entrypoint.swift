import App
import Foundation
import Logging
import Vapor

/// `p2p`: runs the platform (`serve`), its migrations (`migrate`) and its admin commands.
@main
enum Entrypoint {
    static func main() async {
        var env: Environment
        do {
            env = try Environment.detect()
            try LogBootstrap.bootstrap(from: &env)
        } catch {
            FileHandle.standardError.write(Data("p2p: \(error)\n".utf8))
            exit(2)
        }
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            FileHandle.standardError.write(Data("p2p: could not start: \(error)\n".utf8))
            exit(1)
        }
        var status: Int32 = 0
        do {
            try await configure(app)
            try await app.execute()
        } catch let exit as ExitCode {
            status = exit.code
        } catch {
            // A failed command ends with a message and a non-zero status, not a crash report.
            app.logger.critical("\(error)")
            status = 1
        }
        try? await app.asyncShutdown()
        exit(status)
    }
}
