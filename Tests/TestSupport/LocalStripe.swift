import Foundation
import NIOCore
import NIOPosix
import Testing
import Vapor

/// localstripe (PyPI `localstripe`), a stateful fake of Stripe's API, on a free loopback port: the peer the Stripe
/// provider's payment tests run against. Mark a suite `.localStripe` to have one started before its first test and
/// stopped after its last; its tests find it as `LocalStripe.current`.
///
/// One process serves the whole suite, its state in memory (`--from-scratch` ignores the snapshot localstripe
/// keeps in `/tmp`): tests stay apart by using their own intents.
public final class LocalStripe: Sendable {
    /// What CI runs, and what a run without localstripe fails with: the tests never skip silently.
    public static let installCommand = "PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install localstripe==1.15.10"
    /// localstripe accepts any key that starts with `sk_`.
    public static let secretKey = "sk_test_localstripe"

    /// The server of the running `.localStripe` suite.
    @TaskLocal public static var current: LocalStripe?

    public let port: Int
    private let process: Process
    private let log: URL

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, process: Process, log: URL) {
        self.port = port
        self.process = process
        self.log = log
    }

    /// Starts localstripe and returns once it answers an authenticated request.
    public static func start() async throws -> LocalStripe {
        var output = ""
        // A port handed out free can be taken before localstripe binds it; another one is tried then.
        for _ in 1...3 {
            let server = try launch(port: try freePort())
            if try await server.answers() { return server }
            output = server.output
            server.stop()
            if output.contains("No module named localstripe") {
                throw Failure(description: "localstripe is not installed; install it with: \(installCommand)")
            }
        }
        throw Failure(description: "localstripe did not start (CI installs it with: \(installCommand)):\n\(output)")
    }

    /// Ends the process and removes its log.
    ///
    /// With SIGKILL: a process started from a Swift concurrency thread inherits its blocked signals, SIGTERM among
    /// them, so `terminate()` would wait forever; localstripe has nothing to save anyway.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }

    /// What localstripe printed: its access log, or why it failed to start.
    public var output: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    private static func launch(port: Int) throws -> LocalStripe {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("localstripe-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw Failure(description: "could not create \(log.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "localstripe", "--port", String(port), "--from-scratch"]
        // A file, not a pipe: nobody has to drain it for localstripe to keep answering.
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try handle.close()
        return LocalStripe(port: port, process: process, log: log)
    }

    /// Polls until the server answers or its process ends; the bound is far beyond a slow machine's start.
    private func answers() async throws -> Bool {
        var request = try HTTPClient.Request(url: baseURL + "/v1/balance")
        request.headers.bearerAuthorization = BearerAuthorization(token: Self.secretKey)
        for _ in 1...300 {
            guard process.isRunning else { return false }
            // The client retries a refused connection until the deadline: one attempt is itself a short poll.
            let deadline = NIODeadline.now() + .seconds(2)
            let response = try? await HTTPClient.shared.execute(request: request, deadline: deadline).get()
            if response?.status == .ok { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// A port the kernel just handed out and that nothing listens on any more.
    private static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        guard let port = channel.localAddress?.port else { throw Failure(description: "no free port") }
        return port
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

/// Starts localstripe for the suite it marks, once, and stops it after the suite's last test.
public struct LocalStripeTrait: SuiteTrait, TestScoping {
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await LocalStripe.start()
        defer { server.stop() }
        try await LocalStripe.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == LocalStripeTrait {
    /// The suite's tests run against one localstripe server, `LocalStripe.current`.
    public static var localStripe: Self { Self() }
}
