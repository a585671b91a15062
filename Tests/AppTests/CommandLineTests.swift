import Foundation
import TestSupport
import Testing

/// Runs the built `p2p` executable as a user would.
@Suite("p2p command line")
struct CommandLineTests {
    static var executable: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized
        return root.appendingPathComponent(".build/debug/p2p")
    }

    static func run(
        _ arguments: [String], dataDirectory: URL, environment extra: [String: String] = [:]
    ) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["P2P_DATA_DIR"] = dataDirectory.path
        environment["DATABASE_URL"] = nil
        environment["BCRYPT_COST"] = "4"
        environment.merge(extra) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("p2p-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("every command answers --help", arguments: ["serve", "migrate", "admin", "keys", "routes", "ledger"])
    func help(command: String) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build p2p first: swift build")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, output) = try Self.run([command, "--help"], dataDirectory: directory)
        #expect(status == 0, "\(output)")
        #expect(output.contains("Usage: "))
        #expect(output.contains("p2p \(command)"))
        #expect(!output.contains("job worker started"))
    }

    @Test("admin create makes a super admin; a weak password or a second create is refused")
    func adminCreate() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try Self.run(
            ["admin", "create", "--email", "root@example.com", "--password", "Adm1n!Passw0rd"], dataDirectory: directory
        )
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("Super admin root@example.com created"))
        let again = try Self.run(
            ["admin", "create", "--email", "root@example.com", "--password", "Adm1n!Passw0rd"], dataDirectory: directory
        )
        #expect(again.status != 0)
        #expect(again.output.contains("already exists"))
        let weak = try Self.run(
            ["admin", "create", "--email", "other@example.com", "--password", "weak"], dataDirectory: directory)
        #expect(weak.status != 0)
        #expect(weak.output.contains("password must be at least 8 characters"))
    }

    @Test("a command on a fresh data directory says it migrated in one line, not two per migration")
    func quietMigrations() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Self.run(["routes"], dataDirectory: directory)
        #expect(first.status == 0, "\(first.output)")
        #expect(!first.output.contains("[Migrator]"))
        #expect(first.output.components(separatedBy: "applied ").count == 2, "\(first.output.prefix(2000))")
        #expect(first.output.contains("database migrations"))
        let second = try Self.run(["routes"], dataDirectory: directory)
        #expect(!second.output.contains("applied "))
        #expect(!second.output.contains("[Migrator]"))
    }

    @Test("keys rotate retires the signing key")
    func keysRotate() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rotated = try Self.run(["keys", "rotate"], dataDirectory: directory)
        #expect(rotated.status == 0, "\(rotated.output)")
        #expect(rotated.output.contains("retired"))
    }

    @Test("ledger verify confirms a sound ledger and names what is broken in one that is not")
    func ledgerVerify() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sound = try Self.run(["ledger", "verify"], dataDirectory: directory)
        #expect(sound.status == 0, "\(sound.output)")
        #expect(sound.output.contains("Ledger sound: 0 transfers over 0 accounts"))
        let database = directory.appendingPathComponent("p2p.sqlite")
        let tamper = Process()
        tamper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tamper.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys; c = sqlite3.connect(sys.argv[1])
            c.execute("INSERT INTO ledger_accounts VALUES ('00000000-0000-0000-0000-000000000001', \
            'escrow:x:EUR', 'escrow', NULL, 'EUR', -5, 0, 0)"); c.commit()
            """,
            database.path,
        ]
        try tamper.run()
        tamper.waitUntilExit()
        #expect(tamper.terminationStatus == 0)
        let broken = try Self.run(["ledger", "verify"], dataDirectory: directory)
        #expect(broken.status == 1, "\(broken.output)")
        #expect(broken.output.contains("account escrow:x:EUR is below zero"))
        #expect(broken.output.contains("balances in EUR do not sum to zero"))
    }

    @Test("serve refuses a PostgreSQL database with pending migrations", .postgresOnly)
    func pendingMigrations() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TEST_DATABASE_URL"])
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresSchemas.create(schema, url: url)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(
            ["serve", "--port", "0"], dataDirectory: directory,
            environment: ["DATABASE_URL": url, "DATABASE_SCHEMA": schema])
        try await PostgresSchemas.drop(schema, url: url)
        #expect(result.status == 1)
        #expect(result.output.contains("pending migration"))
        #expect(result.output.contains("p2p migrate --yes"))
    }
}
