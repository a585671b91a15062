import Foundation
import Testing

/// The README's walk-through, run as written against a live server: if it rots, this fails.
@Suite("README walk-through")
struct ReadmeWalkthroughTests {
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
            .standardized
    }

    /// The `sh` blocks of the API walk-through, in order.
    static func walkthroughScript() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "## A first walk through the API"),
            let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)
        else { throw WalkthroughMissing() }
        let section = text[start.upperBound..<end.lowerBound]
        let blocks = section.components(separatedBy: "```sh\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
        return blocks.joined(separator: "\n")
    }

    struct WalkthroughMissing: Error {}

    @Test("the walk-through's commands book, pay and hand over a delivery on a fresh server, whatever the date")
    func walkthrough() async throws {
        // setup
        let script = try Self.walkthroughScript()
        #expect(script.contains("find-matches") && script.contains("/accept"))
        let server = try ServeProcess()
        defer { server.stop() }
        try await server.waitUntilListening()

        // act
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-euo", "pipefail", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["API"] = server.baseURL + "/api/v1"
        environment["P2P_DATA_DIR"] = server.dataDirectory.path
        shell.environment = environment
        let pipe = Pipe()
        shell.standardOutput = pipe
        shell.standardError = pipe
        try shell.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()

        // assert
        #expect(shell.terminationStatus == 0, "\(output)\n--- server ---\n\(server.output.suffix(3000))")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(Array(lines.suffix(4)) == ["2603", "pickup", "delivery", "2125"], "\(output)")
        // The profile's JSON ends without a newline, so the best match's score follows it on its line.
        let scoreLine = lines.dropLast(4).last ?? ""
        let score = Double(scoreLine.split(separator: "}").last.map(String.init) ?? scoreLine)
        #expect((score ?? 0) >= 0.6, "the best match's score: \(output)")
    }
}
