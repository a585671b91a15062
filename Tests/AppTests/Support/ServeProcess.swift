import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The built `p2p serve` on a free loopback port with its own data directory, as a newcomer runs it.
///
/// Readiness is read from the server's own log ("Server started on …"), not guessed with a delay.
final class ServeProcess: Sendable {
    let port: Int
    let dataDirectory: URL
    private let process: Process
    private let log = NIOLockedValueBox("")

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var output: String { log.withLockedValue { $0 } }

    init(environment extra: [String: String] = [:]) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("p2p-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        port = try Self.freePort()
        process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["P2P_DATA_DIR"] = dataDirectory.path
        environment["DATABASE_URL"] = nil
        environment["BCRYPT_COST"] = "4"
        environment["LOG_LEVEL"] = "info"
        environment.merge(extra) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let (lines, continuation) = AsyncStream<String>.makeStream()
        let log = self.log
        // Drains the pipe for the server's whole life, so a full pipe never blocks it.
        Thread.detachNewThread {
            let handle = pipe.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                let text = String(decoding: chunk, as: UTF8.self)
                log.withLockedValue { $0 += text }
                continuation.yield(text)
            }
            continuation.finish()
        }
        self.lines = lines
    }

    private let lines: AsyncStream<String>

    /// Returns once the server listens; throws if it exits first.
    func waitUntilListening() async throws {
        for await _ in lines where output.contains("Server started on") { return }
        throw ServerExited(output: output)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    struct ServerExited: Error, CustomStringConvertible {
        let output: String
        var description: String { "p2p serve exited before listening:\n\(output)" }
    }

    /// A port the kernel just handed out and that nothing listens on any more.
    private static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        guard let port = channel.localAddress?.port else { throw ServerExited(output: "no free port") }
        return port
    }
}
