import Foundation

/// The databases a test run makes on the `TEST_DATABASE_URL` server: one template per test process and one copy
/// of it per test.
enum PostgresDatabases {
    /// `p2p_tpl_<unix time>_<pid>`: unique per process, and its age can be read back from the name.
    static func templateName() -> String {
        "\(templatePrefix)\(Int(Date().timeIntervalSince1970))_\(ProcessInfo.processInfo.processIdentifier)"
    }

    private static let templatePrefix = "p2p_tpl_"

    /// An empty database, or with `template` a copy of that one (which nobody may be connected to).
    static func create(_ name: String, template: String? = nil, on server: String) async throws {
        let source = template.map { " TEMPLATE \"\($0)\"" } ?? ""
        try await PostgresAdmin.execute("CREATE DATABASE \"\(name)\"\(source)", url: server)
    }

    /// Drops the database, closing what is still connected to it (a pool that outlived its test).
    static func drop(_ name: String, on server: String) async throws {
        try await PostgresAdmin.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", url: server)
    }

    /// The process's template lives as long as the process, which has no hook to drop it at exit; the next run
    /// drops those of earlier processes instead, so a shared server keeps at most the last hour's. An hour is
    /// far longer than a test run: a template that old belongs to no running process. Best effort: another
    /// user's template stays.
    static func dropStaleTemplates(on server: String) async throws {
        for name in try await PostgresAdmin.strings("SELECT datname FROM pg_database", url: server) {
            guard let created = creation(ofTemplate: name), Date().timeIntervalSince(created) > 3600 else { continue }
            try? await drop(name, on: server)
        }
    }

    /// When a template was made, read back from its name; nil for any other database.
    private static func creation(ofTemplate name: String) -> Date? {
        guard name.hasPrefix(templatePrefix) else { return nil }
        let seconds = name.dropFirst(templatePrefix.count).prefix { $0 != "_" }
        return TimeInterval(seconds).map(Date.init(timeIntervalSince1970:))
    }

    /// `server` (`postgres://user@host:port/maintenance`) pointed at the database `name` instead.
    static func url(of name: String, on server: String) throws -> String {
        guard var components = URLComponents(string: server) else { throw InvalidServerURL(url: server) }
        components.path = "/" + name
        guard let url = components.string else { throw InvalidServerURL(url: server) }
        return url
    }

    struct InvalidServerURL: Error, CustomStringConvertible {
        let url: String
        var description: String { "TEST_DATABASE_URL is not a URL: \(url)" }
    }
}
